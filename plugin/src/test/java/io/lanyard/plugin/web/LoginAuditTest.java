package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.LoginSuccess;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.plugin.session.SessionLogin;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** LOGIN_SUCCEEDED and LOGIN_FAILED from the callback: user, provider, code, the page's reference, source address. */
class LoginAuditTest {

    private final LoginService loginService = mock(LoginService.class);
    private final PendingLoginSeal seal = PendingLoginSeal.inMemory();
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private final CallbackServlet servlet = LanyardWeb.create(loginService,
            new ConfigurationHolder(LanyardConfiguration.empty()), mock(SessionLogin.class), LoginPage.SANDBOX,
            () -> URI.create("https://host.example.com/ctx"), seal, new SettingsService(Optional.empty()),
            Clock.systemUTC(), SignInTemplates.unnamed(LanyardText.english()), audited::add).callbackServlet();
    private final FakeHttp.Response response = new FakeHttp.Response();

    private FakeHttp.Request callback() {
        FakeHttp.Request request = new FakeHttp.Request("GET", "/ctx", "/plugins/servlet/lanyard/callback/idp1")
                .parameter("state", "s1").parameter("code", "c");
        when(request.mock.getRemoteAddr()).thenReturn("10.0.0.9");
        return request.cookie(PendingLoginCookies.nameFor("s1"), seal.seal(Fixtures.pending("s1")))
                .withSession(FakeHttp.session());
    }

    @Test
    void aSuccessfulLoginIsAuditedWithUserProviderAndSourceAddress() throws Exception {
        when(loginService.completeLogin(eq("idp1"), any(), any())).thenReturn(new LoginSuccess(
                new HostUser("alice", "Alice", "alice@example.com", true), "idp1", "sub-1", "/", "id.token.value",
                Map.of("sub", "sub-1")));

        servlet.doGet(callback().mock, response.mock);

        assertThat(audited).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.LOGIN_SUCCEEDED);
            assertThat(event.user()).contains("alice");
            assertThat(event.integrationId()).contains("idp1");
            assertThat(event.sourceAddress()).contains("10.0.0.9");
            assertThat(event.toString()).doesNotContain("id.token.value");
        });
    }

    @Test
    void aFailedLoginIsAuditedWithWhomItWasForTheCodeAndTheReferenceThePageShows() throws Exception {
        when(loginService.completeLogin(eq("idp1"), any(), any())).thenThrow((LoginFailedException)
                new LoginFailedException(ErrorCode.USER_NOT_FOUND, "no user bob").attemptedBy("bob"));

        servlet.doGet(callback().mock, response.mock);

        assertThat(audited).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.LOGIN_FAILED);
            assertThat(event.user()).contains("bob");
            assertThat(event.code()).contains(ErrorCode.USER_NOT_FOUND);
            assertThat(event.sourceAddress()).contains("10.0.0.9");
            assertThat(response.body()).contains(event.correlationId().orElseThrow());
        });
    }

    @Test
    void anAdministratorsReauthenticationIsAuditedAsSuch() throws Exception {
        HostUser admin = new HostUser("admin", "Admin", "admin@example.com", true);
        LoginSuccess plain = new LoginSuccess(admin, "idp1", "sub-a", "/", "id.token.value", Map.of("sub", "sub-a"));
        when(loginService.completeLogin(eq("idp1"), any(), any())).thenReturn(new LoginSuccess(admin, "idp1", "sub-a",
                "/", "id.token.value", Map.of("sub", "sub-a"), plain.session(), true));

        servlet.doGet(callback().mock, response.mock);

        assertThat(audited).extracting(AuditEvent::type).containsExactly(AuditEventType.REAUTHENTICATED);
    }

    /** An outage: every failure is a LOGIN_FAILED, but PROVIDER_UNREACHABLE comes once per provider and window. */
    @Test
    void anOutageIsAuditedOnceAWindowNotOncePerPerson() throws Exception {
        when(loginService.completeLogin(eq("idp1"), any(), any())).thenThrow(
                new LoginFailedException(ErrorCode.TOKEN_ENDPOINT_UNREACHABLE, "connect timed out"));

        for (int i = 0; i < 5; i++) {
            servlet.doGet(callback().mock, new FakeHttp.Response().mock);
        }

        assertThat(audited).filteredOn(e -> e.type() == AuditEventType.PROVIDER_UNREACHABLE).singleElement()
                .satisfies(e -> assertThat(e.integrationId()).contains("idp1"));
        assertThat(audited).filteredOn(e -> e.type() == AuditEventType.LOGIN_FAILED).hasSize(5);
    }
}
