package io.lanyard.sandbox.dirsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.config.DirectorySyncSettings;
import io.lanyard.core.config.DirectorySyncSettings.GroupScope;
import io.lanyard.core.config.DirectorySyncSettings.UserScope;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.dirsync.SyncReport;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.secret.Secret;
import io.lanyard.sandbox.graph.GeneratedTenant;
import io.lanyard.sandbox.graph.StandInDirectorySync;
import io.lanyard.sandbox.graph.TenantGraphStandIn;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory sync against the loopback Graph stand-in serving a generated tenant, into the sandbox's directory:
 * paging, delta, an expired delta link, 429/503, the safety stop, scope changes, grace and reactivation, preview, one
 * run at a time.
 */
class DirectorySyncStandInTest {

    private static final Secret SECRET = Secret.of("stand-in-secret-for-dirsync-tests");
    private static final int USERS = 1200;
    private static final int GROUPS = 60;

    @TempDir
    Path home;

    private GeneratedTenant tenant;
    private TenantGraphStandIn graph;
    private CountingHost host;
    private final MovableClock clock = new MovableClock();
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private DirectorySync sync;

    @BeforeEach
    void start() throws Exception {
        tenant = GeneratedTenant.generate(USERS, GROUPS, 7);
        graph = TenantGraphStandIn.start(tenant, SECRET);
        host = new CountingHost(new SandboxUserDirectory());
        sync = DirectorySync.withSleeper(StandInDirectorySync.create(home, graph.url(), host.host(), audit::add,
                clock), waits::add);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private EntraConnectorConfig connector(Consumer<io.lanyard.core.config.DirectorySyncSettingsBuilder> change) {
        io.lanyard.core.config.DirectorySyncSettingsBuilder builder = DirectorySyncSettings.builder().enabled(true)
                .users(UserScope.ALL).groups(GroupScope.NAME_PATTERN).groupNamePattern(".*")
                .usernamePattern("(.*)@.*");
        change.accept(builder);
        return StandInDirectorySync.connector(SECRET, builder.build());
    }

    private SyncReport syncNow(EntraConnectorConfig connector) {
        return sync.run(connector, DirectorySync.Request.syncNow("admin", false));
    }

    private HostUser account(int user) {
        return host.directory.findByUsername(GeneratedTenant.localPart(tenant.user(user))).orElseThrow();
    }

    private Set<String> groupsOf(int user) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(host.directory.of(GeneratedTenant.localPart(tenant.user(user))).direct());
        return names;
    }

    @Test
    void aFullSyncReadsEveryPageAndFillsTheDirectory() {
        SyncReport report = syncNow(connector(s -> { }));

        assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.SUCCEEDED);
        assertThat(report.full()).isTrue();
        assertThat(report.counts().usersRead()).isEqualTo(USERS);
        assertThat(report.counts().created()).isEqualTo(USERS);
        assertThat(report.counts().membershipsAdded()).isEqualTo(tenant.membershipCount());
        assertThat(report.graphRequests()).as("users in pages of 999, groups with members over several pages")
                .isGreaterThan(4);
        assertThat(account(5).displayName()).isEqualTo("User 5");
        assertThat(account(5).email()).isEqualTo("user5@" + GeneratedTenant.DOMAIN);
        assertThat(groupsOf(0)).isNotEmpty();
        assertThat(audit).anyMatch(e -> e.type() == AuditEventType.DIRECTORY_SYNC_RUN);
        assertThat(sync.reports(StandInDirectorySync.CONNECTOR_ID)).hasSize(1);
    }

    @Test
    void aDeltaSyncWritesOnlyWhatChanged() {
        EntraConnectorConfig connector = connector(s -> { });
        syncNow(connector);
        List<Integer> renamed = tenant.renameUsers(12);
        int joiner = renamed.get(0);
        tenant.addMember(20, joiner);
        tenant.disable(renamed.get(1));
        long before = host.writes.get();

        SyncReport report = syncNow(connector);

        assertThat(report.full()).isFalse();
        assertThat(report.counts().usersRead()).isEqualTo(12);
        assertThat(report.counts().updated()).isEqualTo(11);
        assertThat(report.counts().deactivated()).isEqualTo(1);
        assertThat(report.counts().created()).isZero();
        assertThat(account(renamed.get(2)).displayName()).contains("renamed");
        assertThat(account(renamed.get(1)).active()).isFalse();
        assertThat(groupsOf(joiner)).contains(tenant.group(20).displayName());
        assertThat(report.counts().membershipsAdded()).isLessThanOrEqualTo(1);
        assertThat(host.writes.get() - before).as("11 updates, 1 deactivation, the new membership")
                .isEqualTo(12 + report.counts().membershipsAdded());

        long quiet = host.writes.get();
        SyncReport nothing = syncNow(connector);
        assertThat(nothing.counts().usersRead()).isZero();
        assertThat(host.writes.get()).as("no change in Entra, no write").isEqualTo(quiet);
    }

    @Test
    void membershipsLeaveOnlySyncedGroupsAndLocalOnesStay() {
        EntraConnectorConfig connector = connector(s -> s.groups(GroupScope.NAME_PATTERN).groupNamePattern("Team .*"));
        syncNow(connector);
        int member = firstMemberOf(10);
        String username = GeneratedTenant.localPart(tenant.user(member));
        host.directory.addLocalMembership(username, "local-admins");
        tenant.removeMember(10, member);

        SyncReport report = syncNow(connector);

        assertThat(report.counts().membershipsRemoved()).isEqualTo(1);
        assertThat(groupsOf(member)).doesNotContain(tenant.group(10).displayName()).contains("local-admins");
    }

    @Test
    void membersOfAGroupDeletedInEntraLeaveItsHostGroup() {
        EntraConnectorConfig connector = connector(s -> s.groups(GroupScope.NAME_PATTERN).groupNamePattern("Team .*"));
        syncNow(connector);
        int member = firstMemberOf(11);
        String name = tenant.group(11).displayName();
        assertThat(groupsOf(member)).contains(name);
        tenant.deleteGroup(11);

        SyncReport report = syncNow(connector);

        assertThat(report.counts().membershipsRemoved()).isEqualTo(tenant.group(11).size());
        assertThat(groupsOf(member)).doesNotContain(name);
    }

    @Test
    void anExpiredDeltaLinkMeansAFullReadThatWritesNothingNew() {
        EntraConnectorConfig connector = connector(s -> { });
        syncNow(connector);
        tenant.expireDeltaLinks();
        long before = host.writes.get();

        SyncReport report = syncNow(connector);

        assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.SUCCEEDED);
        assertThat(report.full()).isTrue();
        assertThat(report.counts().usersRead()).isEqualTo(USERS);
        assertThat(host.writes.get()).isEqualTo(before);
        assertThat(syncNow(connector).full()).as("the new delta link works").isFalse();
    }

    @Test
    void throttlingIsWaitedOutWithRetryAfterAndBackoff() {
        graph.failNext(429, 2, 7);
        graph.failNext(503, 1, 3);

        SyncReport report = syncNow(connector(s -> { }));

        assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.SUCCEEDED);
        assertThat(report.throttled()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7), Duration.ofSeconds(3));
        assertThat(report.counts().created()).isEqualTo(USERS);
    }

    @Test
    void graphThatStaysThrottledFailsTheRunBeforeAnyWrite() {
        EntraConnectorConfig connector = connector(s -> { });
        syncNow(connector);
        tenant.delete(3);
        long before = host.writes.get();
        graph.failNext(503, 50, 1);

        SyncReport failed = syncNow(connector);

        assertThat(failed.outcome()).isEqualTo(SyncReport.Outcome.FAILED);
        assertThat(failed.failureCode()).contains(ErrorCode.DIRSYNC_GRAPH_THROTTLED);
        assertThat(host.writes.get()).isEqualTo(before);
        assertThat(account(3).active()).isTrue();

        graph.clearFailures();
        SyncReport next = syncNow(connector);
        assertThat(next.full()).as("the saved delta link is still the one before the failed run").isFalse();
        assertThat(next.counts().deactivated()).isEqualTo(1);
        assertThat(account(3).active()).isFalse();
    }

    @Test
    void theSafetyStopAppliesNothingUntilAnAdministratorConfirms() {
        EntraConnectorConfig connector = connector(s -> { });
        syncNow(connector);
        for (int i = 0; i < 150; i++) {
            tenant.delete(i);
        }
        long before = host.writes.get();

        SyncReport stopped = syncNow(connector);

        assertThat(stopped.outcome()).isEqualTo(SyncReport.Outcome.SAFETY_STOPPED);
        assertThat(stopped.failureCode()).contains(ErrorCode.DIRSYNC_SAFETY_STOP);
        assertThat(stopped.counts().deactivated()).isEqualTo(150);
        assertThat(host.writes.get()).isEqualTo(before);
        assertThat(account(0).active()).isTrue();

        SyncReport confirmed = sync.run(connector, DirectorySync.Request.syncNow("admin", true));

        assertThat(confirmed.outcome()).isEqualTo(SyncReport.Outcome.SUCCEEDED);
        assertThat(confirmed.counts().deactivated()).isEqualTo(150);
        assertThat(account(0).active()).isFalse();
        assertThat(account(0).username()).as("deactivated, never deleted").isEqualTo("user0");
    }

    @Test
    void aScopeChangeReadsEverythingAndSyncsTheNewGroups() {
        syncNow(connector(s -> s.groups(GroupScope.CHOSEN).groupIds(List.of(tenant.group(8).id()))));
        int member = firstMemberOf(9);
        assertThat(groupsOf(member)).doesNotContain(tenant.group(9).displayName());

        SyncReport report = syncNow(connector(s -> s.groups(GroupScope.NAME_PATTERN).groupNamePattern("Team .*")));

        assertThat(report.full()).isTrue();
        assertThat(report.counts().created()).isZero();
        assertThat(groupsOf(member)).contains(tenant.group(9).displayName());
    }

    @Test
    void usersOfChosenGroupsOnlyAndDefaultGroups() {
        SyncReport report = syncNow(connector(s -> s.users(UserScope.GROUP_MEMBERS)
                .userGroups(List.of(tenant.group(12).id())).groups(GroupScope.NONE)
                .defaultGroups(List.of("entra-users"))));

        assertThat(report.counts().created()).isEqualTo(tenant.group(12).size());
        int member = firstMemberOf(12);
        assertThat(groupsOf(member)).containsExactly("entra-users");
    }

    @Test
    void aFilterSelectsTheUsers() {
        SyncReport report = syncNow(connector(s -> s.users(UserScope.FILTER)
                .userFilter("department eq 'Sales' and accountEnabled eq true").groups(GroupScope.NONE)));

        assertThat(report.counts().created()).isEqualTo(USERS / 6);
        assertThat(host.directory.findByUsername("user0")).isPresent();
        assertThat(host.directory.findByUsername("user1")).isEmpty();
    }

    @Test
    void theGracePeriodDelaysDeactivationAndReturningUsersAreReactivated() {
        EntraConnectorConfig connector = connector(s -> s.deactivationGrace(Duration.ofDays(1)));
        syncNow(connector);
        tenant.disable(4);

        SyncReport first = syncNow(connector);
        assertThat(first.counts().pendingDeactivation()).isEqualTo(1);
        assertThat(account(4).active()).isTrue();

        clock.advance(Duration.ofDays(2));
        SyncReport later = syncNow(connector);
        assertThat(later.counts().deactivated()).isEqualTo(1);
        assertThat(account(4).active()).isFalse();

        tenant.enable(4);
        SyncReport back = syncNow(connector);
        assertThat(back.counts().reactivated()).isEqualTo(1);
        assertThat(account(4).active()).isTrue();
    }

    @Test
    void anAccountAnAdministratorDeactivatedIsNotReactivated() {
        EntraConnectorConfig connector = connector(s -> { });
        syncNow(connector);
        host.directory.update("user6", new io.lanyard.core.host.AccountChanges(java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of(false)));
        tenant.rename(6, "User 6 (moved)");

        syncNow(connector);

        assertThat(account(6).active()).isFalse();
    }

    @Test
    void aPreviewAppliesNothing() {
        long before = host.writes.get();

        SyncReport preview = sync.run(connector(s -> { }), DirectorySync.Request.preview("admin"));

        assertThat(preview.outcome()).isEqualTo(SyncReport.Outcome.PREVIEWED);
        assertThat(preview.counts().created()).isEqualTo(USERS);
        assertThat(preview.changes()).isNotEmpty().first().asString().startsWith("create user");
        assertThat(host.writes.get()).isEqualTo(before);
        assertThat(host.directory.findByUsername("user1")).isEmpty();
        assertThat(syncNow(connector(s -> { })).full()).as("a preview saves no delta link").isTrue();
    }

    @Test
    void oneRunAtATime() throws Exception {
        graph.latency(Duration.ofMillis(100));
        EntraConnectorConfig connector = connector(s -> { });
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<SyncReport> first = executor.submit(() -> syncNow(connector));
            waitUntilRunning();
            assertThatThrownBy(() -> syncNow(connector)).isInstanceOfSatisfying(LanyardException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DIRSYNC_ALREADY_RUNNING));
            assertThat(sync.progress(StandInDirectorySync.CONNECTOR_ID)).isPresent();
            assertThat(first.get().outcome()).isEqualTo(SyncReport.Outcome.SUCCEEDED);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theStateSurvivesInTheSharedHome() throws Exception {
        EntraConnectorConfig connector = connector(s -> { });
        syncNow(connector);
        assertThat(Files.exists(home.resolve("dirsync").resolve(StandInDirectorySync.CONNECTOR_ID).resolve("state.gz")))
                .isTrue();
        tenant.renameUsers(3);
        DirectorySync another = StandInDirectorySync.create(home, graph.url(), host.host(), audit::add, clock);

        SyncReport report = another.run(connector, DirectorySync.Request.syncNow("admin", false));

        assertThat(report.full()).isFalse();
        assertThat(report.counts().updated()).isEqualTo(3);
    }

    @Test
    void aRefusedSecretFailsTheRunBeforeAnyWrite() {
        DirectorySync wrongSecret = StandInDirectorySync.create(home, graph.url(), host.host(), audit::add, clock);
        EntraConnectorConfig connector = StandInDirectorySync.connector(Secret.of("not-the-secret"),
                DirectorySyncSettings.builder().build());

        SyncReport report = wrongSecret.run(connector, DirectorySync.Request.syncNow("admin", false));

        assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.FAILED);
        assertThat(report.failureCode()).contains(ErrorCode.DIRSYNC_GRAPH_REFUSED);
        assertThat(report.failure().orElseThrow()).contains("AADSTS7000215").doesNotContain("not-the-secret");
        assertThat(host.writes.get()).isZero();
    }

    @Test
    void aMissingGraphPermissionIsNamed() {
        graph.failNext(403, 1, 0);

        SyncReport report = syncNow(connector(s -> { }));

        assertThat(report.failureCode()).contains(ErrorCode.DIRSYNC_GRAPH_PERMISSION_MISSING);
        assertThat(host.writes.get()).isZero();
    }

    @Test
    void usersWithoutAUsableUsernameAreSkippedAndReported() {
        SyncReport report = syncNow(connector(s -> s.usernamePattern("(.*)@other\\.example")));

        assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.SUCCEEDED);
        assertThat(report.counts().created()).isZero();
        assertThat(report.counts().errors()).isEqualTo(USERS);
        assertThat(report.errors()).hasSize(SyncReport.MAX_SAMPLES).allMatch(error -> error.startsWith("LNY-747"));
    }

    @Test
    void twoUsersWithOneUsernameGiveTheFirstTheAccount() {
        SyncReport report = syncNow(connector(s -> s.usernamePattern("user(\\d).*@.*")));

        assertThat(report.counts().created()).isEqualTo(10);
        assertThat(report.counts().errors()).isEqualTo(USERS - 10);
        assertThat(report.errors()).allMatch(error -> error.startsWith("LNY-748"));
    }

    @Test
    void aFailedWriteIsReportedAndRetriedByTheNextRun() {
        java.util.concurrent.atomic.AtomicBoolean refuse = new java.util.concurrent.atomic.AtomicBoolean(true);
        io.lanyard.sandbox.host.ObservedWrites writes = new io.lanyard.sandbox.host.ObservedWrites(host.directory,
                (kind, values) -> { });
        io.lanyard.core.host.AccountWrites refusing = new io.lanyard.core.host.AccountWrites() {
            @Override
            public List<io.lanyard.core.host.HostDirectory> writableDirectories() {
                return writes.writableDirectories();
            }

            @Override
            public HostUser create(io.lanyard.core.host.NewAccount account) {
                if (refuse.get() && account.username().equals("user3")) {
                    throw new LanyardException(ErrorCode.HOST_ACCOUNT_CREATE_FAILED, "the host said no");
                }
                return writes.create(account);
            }

            @Override
            public HostUser update(String username, io.lanyard.core.host.AccountChanges changes) {
                return writes.update(username, changes);
            }

            @Override
            public Set<String> attribute(String username, String name) {
                return writes.attribute(username, name);
            }

            @Override
            public void setAttribute(String username, String name, Set<String> values) {
                writes.setAttribute(username, name, values);
            }
        };
        DirectorySync failing = DirectorySync.withSleeper(StandInDirectorySync.create(home, graph.url(),
                new DirectorySync.Host(host.directory, refusing, writes), audit::add, clock), waits::add);
        EntraConnectorConfig connector = connector(s -> { });

        SyncReport first = failing.run(connector, DirectorySync.Request.syncNow("admin", false));

        assertThat(first.outcome()).isEqualTo(SyncReport.Outcome.SUCCEEDED);
        assertThat(first.counts().created()).isEqualTo(USERS - 1);
        assertThat(first.errors()).singleElement().asString().startsWith("LNY-749 user3").contains("LNY-611");
        refuse.set(false);
        SyncReport next = failing.run(connector, DirectorySync.Request.syncNow("admin", false));
        assertThat(next.full()).isFalse();
        assertThat(next.counts().created()).as("retried without a change in Entra ID").isEqualTo(1);
        assertThat(host.directory.findByUsername("user3")).isPresent();
    }

    @Test
    void aDamagedStateMeansAFullRead() throws Exception {
        EntraConnectorConfig connector = connector(s -> { });
        syncNow(connector);
        Files.writeString(home.resolve("dirsync").resolve(StandInDirectorySync.CONNECTOR_ID).resolve("state.gz"),
                "not gzip");

        SyncReport report = syncNow(connector);

        assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.SUCCEEDED);
        assertThat(report.full()).isTrue();
        assertThat(report.counts().created()).isZero();
        assertThat(syncNow(connector).full()).isFalse();
    }

    @Test
    void aStoppedRunAppliesNothingMoreAndSavesNoState() {
        EntraConnectorConfig connector = connector(s -> { });
        sync.stop();

        SyncReport report = syncNow(connector);

        assertThat(report.failureCode()).contains(ErrorCode.DIRSYNC_INTERRUPTED);
        assertThat(host.writes.get()).isZero();
    }

    private void waitUntilRunning() throws InterruptedException {
        for (int i = 0; i < 200 && sync.progress(StandInDirectorySync.CONNECTOR_ID).isEmpty(); i++) {
            Thread.sleep(10);
        }
    }

    private int firstMemberOf(int group) {
        for (int user = 0; user < USERS; user++) {
            if (tenant.group(group).contains(user)) {
                return user;
            }
        }
        throw new AssertionError("group " + group + " has no member");
    }

    /** A clock a test moves on. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-06T02:00:00Z");

        void advance(Duration more) {
            now = now.plus(more);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
