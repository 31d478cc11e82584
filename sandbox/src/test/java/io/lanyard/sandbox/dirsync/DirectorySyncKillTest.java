package io.lanyard.sandbox.dirsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.dirsync.SyncReport;
import io.lanyard.core.secret.Secret;
import io.lanyard.sandbox.graph.GeneratedTenant;
import io.lanyard.sandbox.graph.StandInDirectorySync;
import io.lanyard.sandbox.graph.TenantGraphStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the node running a sync, in the middle of reading and in the middle of writing: the next run (on
 * another "node", this JVM) finishes the job from the shared home and the host's directory, with every account and
 * membership as in Entra ID, nobody deactivated, and no membership half-applied.
 */
class DirectorySyncKillTest {

    private static final Secret SECRET = Secret.of("stand-in-secret-for-the-kill-test");
    private static final int USERS = 1500;

    @TempDir
    Path home;

    private GeneratedTenant tenant;
    private TenantGraphStandIn graph;

    @BeforeEach
    void start() throws IOException {
        tenant = GeneratedTenant.generate(USERS, 40, 11);
        graph = TenantGraphStandIn.start(tenant, SECRET);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void killedWhileWritingTheNextRunFinishesWithoutDeactivatingAnyone() throws Exception {
        Path journal = home.resolve("host.journal");
        Process child = startChild(journal);
        waitFor(() -> lines(journal) > 300, child);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long before = lines(journal);
        assertThat(before).as("killed midway").isBetween(300L, USERS + tenant.membershipCount() - 1);
        assertThat(stateFile()).as("a run that did not finish saves no state").doesNotExist();

        SyncReport report = finishInThisJvm(journal);

        assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.SUCCEEDED);
        assertThat(report.counts().deactivated()).isZero();
        try (JournalHost host = new JournalHost(journal)) {
            for (int user = 0; user < USERS; user++) {
                String username = GeneratedTenant.localPart(tenant.user(user));
                assertThat(host.directory.findByUsername(username)).as(username).isPresent();
                assertThat(host.directory.findByUsername(username).get().active()).isTrue();
                assertThat(names(host.directory.of(username).direct())).as(username).isEqualTo(entraGroupsOf(user));
            }
        }
    }

    @Test
    void killedWhileReadingNothingIsWrittenAndTheNextRunReadsAgain() throws Exception {
        graph.latency(Duration.ofMillis(400));
        Path journal = home.resolve("host.journal");
        Process child = startChild(journal);
        waitFor(() -> graph.requests() >= 2, child);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(lines(journal)).isZero();
        assertThat(stateFile()).doesNotExist();
        graph.latency(Duration.ZERO);

        SyncReport report = finishInThisJvm(journal);

        assertThat(report.full()).isTrue();
        assertThat(report.counts().created()).isEqualTo(USERS);
    }

    private SyncReport finishInThisJvm(Path journal) throws IOException {
        try (JournalHost host = new JournalHost(journal)) {
            DirectorySync sync = StandInDirectorySync.create(home, graph.url(), host.host(), event -> { },
                    Clock.systemUTC());
            return sync.run(StandInDirectorySync.connector(SECRET, DirectorySyncChild.settings()),
                    DirectorySync.Request.syncNow("admin", false));
        }
    }

    private Process startChild(Path journal) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                DirectorySyncChild.class.getName(), home.toString(), graph.url().toString(), journal.toString(),
                SECRET.reveal()).redirectErrorStream(true).redirectOutput(home.resolve("child.log").toFile()).start();
    }

    private Path stateFile() {
        return home.resolve("dirsync").resolve(StandInDirectorySync.CONNECTOR_ID).resolve("state.gz");
    }

    private Set<String> entraGroupsOf(int user) {
        Set<String> groups = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (int g = 0; g < tenant.groupCount(); g++) {
            if (tenant.group(g).contains(user)) {
                groups.add(tenant.group(g).displayName());
            }
        }
        return groups;
    }

    private static Set<String> names(Set<String> groups) {
        Set<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        sorted.addAll(groups);
        return sorted;
    }

    private static long lines(Path journal) {
        try {
            return Files.exists(journal) ? Files.readAllLines(journal).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private void waitFor(java.util.function.BooleanSupplier condition, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new AssertionError("the child ended before the kill: "
                        + Files.readString(home.resolve("child.log")));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the child did not get there in time");
            }
            Thread.sleep(5);
        }
    }
}
