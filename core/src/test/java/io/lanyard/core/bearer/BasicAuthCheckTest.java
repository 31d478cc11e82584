package io.lanyard.core.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.bearer.BearerOutcome.Refused;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.config.LanyardSettingsBuilder;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.GroupMembership;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.testing.InMemoryHost;
import io.lanyard.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Basic-auth side door: who is refused, every exception, the switch-off file, and the audit trail's pace. */
class BasicAuthCheckTest {

    private static final TestRequest DIRECT = new TestRequest("GET", "/rest/api/2/myself", "203.0.113.7", null);

    @TempDir
    Path lanyardDirectory;

    private final InMemoryHost host = new InMemoryHost();
    private final MutableClock clock = new MutableClock();
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private LanyardSettings settings = LanyardSettings.defaults();
    private BasicAuthCheck check;

    @BeforeEach
    void setUp() {
        host.with(new HostUser("alice", "Alice", "alice@example.com", true), "developers");
        host.setAttribute("alice", AccountWrites.IDENTITY_ATTRIBUTE, Set.of("https://idp.example.com alice-sub"));
        host.with(new HostUser("deploy-bot", "Service account", "", true));
        host.setAttribute("deploy-bot", "lanyard.serviceAccount", Set.of("ci deploy"));
        host.with(new HostUser("admin", "Local admin", "admin@example.com", true));
        check = new BasicAuthCheck(() -> settings, new BasicAuthOffFile(Optional.of(lanyardDirectory)), host,
                GroupMembership.directGroupsOf(host), audit::add, clock);
    }

    private void refuse(UnaryOperator<LanyardSettingsBuilder> more) {
        settings = more.apply(LanyardSettings.builder().refuseBasicAuth(true)).build();
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private BearerOutcome check(String authorization, TestRequest request) {
        return check.check(authorization, request, TestRequest.READER);
    }

    @Test
    void offByDefaultNothingIsRefused() {
        assertThat(check(basic("alice", "secret"), DIRECT)).isSameAs(BearerOutcome.NOT_OURS);
        assertThat(audit).isEmpty();
    }

    @Test
    void aManagedAccountIsRefusedWithItsCodeAndA401() {
        refuse(b -> b);

        BearerOutcome alice = check(basic("alice", "secret"), DIRECT);
        BearerOutcome bot = check("basic " + Base64.getEncoder().encodeToString("deploy-bot:x".getBytes(
                StandardCharsets.UTF_8)), DIRECT);

        assertThat(alice).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.BASIC_AUTH_REFUSED);
            assertThat(r.httpStatus()).isEqualTo(401);
            assertThat(r.description()).contains("alice").contains("203.0.113.7").doesNotContain("secret");
        });
        assertThat(bot).isInstanceOf(Refused.class);
    }

    @Test
    void accountsLanyardDoesNotManageAndOtherSchemesPass() {
        refuse(b -> b);

        assertThat(check(basic("admin", "admin"), DIRECT)).isSameAs(BearerOutcome.NOT_OURS);
        assertThat(check(basic("nobody-here", "x"), DIRECT)).isSameAs(BearerOutcome.NOT_OURS);
        assertThat(check("Bearer NDI0MjQyNDI0MjQyOjEyMzQ1Njc4OTAxMjM0NTY3ODkw", DIRECT))
                .isSameAs(BearerOutcome.NOT_OURS);
        assertThat(check(null, DIRECT)).isSameAs(BearerOutcome.NOT_OURS);
        assertThat(check("Basic not*base64", DIRECT)).isSameAs(BearerOutcome.NOT_OURS);
        assertThat(audit).isEmpty();
    }

    @Test
    void anExceptedAccountGroupOrAddressPasses() {
        refuse(b -> b.basicAuthExceptAccounts(List.of("ALICE")));
        assertThat(check(basic("alice", "secret"), DIRECT)).isSameAs(BearerOutcome.NOT_OURS);
        assertThat(check(basic("deploy-bot", "x"), DIRECT)).isInstanceOf(Refused.class);

        refuse(b -> b.basicAuthExceptGroups(List.of("Developers")));
        assertThat(check(basic("alice", "secret"), DIRECT)).isSameAs(BearerOutcome.NOT_OURS);
        assertThat(check(basic("deploy-bot", "x"), DIRECT)).isInstanceOf(Refused.class);

        refuse(b -> b.basicAuthExceptAddresses(List.of("203.0.113.0/24")));
        assertThat(check(basic("alice", "secret"), DIRECT)).isSameAs(BearerOutcome.NOT_OURS);
        assertThat(check(basic("alice", "secret"), new TestRequest("GET", "/", "198.51.100.1", null)))
                .isInstanceOf(Refused.class);
    }

    @Test
    void aClientsOwnForwardedForIsNeverBelievedOnlyATrustedProxysHop() {
        refuse(b -> b.basicAuthExceptAddresses(List.of("10.0.0.0/8")).basicAuthTrustedProxies(List.of("192.0.2.10")));

        TestRequest spoofed = new TestRequest("GET", "/", "198.51.100.1", "10.1.2.3");
        TestRequest proxied = new TestRequest("GET", "/", "192.0.2.10", "10.1.2.3");
        TestRequest proxiedOutsider = new TestRequest("GET", "/", "192.0.2.10", "10.1.2.3, 198.51.100.1");

        assertThat(check(basic("alice", "secret"), spoofed)).isInstanceOf(Refused.class);
        assertThat(check(basic("alice", "secret"), proxied)).isSameAs(BearerOutcome.NOT_OURS);
        assertThat(check(basic("alice", "secret"), proxiedOutsider)).isInstanceOf(Refused.class);
    }

    @Test
    void theSwitchOffFileAllowsEveryoneAtOnceAndDeletingItRefusesAgain() throws Exception {
        refuse(b -> b);
        Path off = lanyardDirectory.resolve(BasicAuthOffFile.FILE_NAME);

        Files.createFile(off);
        assertThat(check(basic("alice", "secret"), DIRECT)).isSameAs(BearerOutcome.NOT_OURS);

        Files.delete(off);
        assertThat(check(basic("alice", "secret"), DIRECT)).isInstanceOf(Refused.class);
    }

    @Test
    void aRefusalIsAuditedOncePerAccountAndSourcePerWindow() {
        refuse(b -> b);

        for (int i = 0; i < 50; i++) {
            check(basic("alice", "wrong" + i), DIRECT);
        }
        check(basic("alice", "secret"), new TestRequest("GET", "/", "198.51.100.1", null));
        assertThat(audit).hasSize(2).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.BASIC_AUTH_REFUSED);
            assertThat(event.code()).contains(ErrorCode.BASIC_AUTH_REFUSED);
            assertThat(event.user()).contains("alice");
        });
        assertThat(audit).extracting(e -> e.sourceAddress().orElseThrow())
                .containsExactly("203.0.113.7", "198.51.100.1");

        clock.advance(BasicAuthCheck.AUDIT_WINDOW.plusSeconds(1));
        check(basic("alice", "secret"), DIRECT);
        assertThat(audit).hasSize(3);
    }

    @Test
    void whetherAnAccountIsManagedIsReadOnceAMinuteAndAFailureNeverLocksOut() {
        refuse(b -> b);
        check(basic("alice", "secret"), DIRECT);
        host.setAttribute("alice", AccountWrites.IDENTITY_ATTRIBUTE, Set.of());

        assertThat(check(basic("alice", "secret"), DIRECT)).isInstanceOf(Refused.class);
        clock.advance(BasicAuthCheck.MANAGED_CACHE_TIME.plus(Duration.ofSeconds(1)));
        assertThat(check(basic("alice", "secret"), DIRECT)).isSameAs(BearerOutcome.NOT_OURS);

        host.failWhen(operation -> operation.startsWith("read attribute"));
        assertThat(check(basic("deploy-bot", "x"), DIRECT)).isSameAs(BearerOutcome.NOT_OURS);
        assertThat(check.rememberedAccounts()).isEqualTo(2);
    }
}
