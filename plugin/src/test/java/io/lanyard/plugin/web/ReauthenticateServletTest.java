package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginOptions;
import io.lanyard.core.login.LoginRedirect;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.core.session.LanyardSession;
import io.lanyard.plugin.session.AdminAccess;
import io.lanyard.plugin.session.SessionLogin;
import io.lanyard.plugin.session.WebSudoSessions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebSudo through the provider: the start, the return ("done") and the product's prompt sending people there. */
class ReauthenticateServletTest {

    @TempDir
    Path home;

    private final LoginService loginService = mock(LoginService.class);
    private final WebSudoSessions webSudo = mock(WebSudoSessions.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final FakeHttp.Response response = new FakeHttp.Response();
    private SettingsService settings;
    private ReauthenticateServlet servlet;

    /** Whoever the session says. */
    private static final class SessionUser implements AdminAccess {
        @Override
        public Optional<String> currentUsername(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute("user"));
        }

        @Override
        public boolean isSystemAdministrator(HttpServletRequest request) {
            return true;
        }

        @Override
        public boolean passWebSudo(HttpServletRequest request, HttpServletResponse response) {
            return false;
        }
    }

    @BeforeEach
    void wire() throws Exception {
        var corp = IdentityProviderConfig.builder().id("corp").displayName("Corporate")
                .discoveryUrl("https://corp.example.com/.well-known/openid-configuration").clientId("jira").build();
        settings = new SettingsService(Optional.of(home));
        LanyardWeb web = LanyardWeb.create(loginService, new ConfigurationHolder(new LanyardConfiguration(List.of(corp))),
                mock(SessionLogin.class), LoginPage.CONFLUENCE, () -> URI.create("https://host.example.com/wiki"),
                PendingLoginSeal.inMemory(), settings, clock);
        servlet = web.reauthenticateServlet(new SessionUser(), webSudo, clock);
        when(loginService.startLogin(anyString(), anyString(), any(LoginOptions.class))).thenAnswer(call ->
                new LoginRedirect(Fixtures.pending("s1"), URI.create("https://corp.example.com/authorize?state=s1")));
    }

    private static HttpSession signedIn(String username, boolean throughProvider) {
        HttpSession session = FakeHttp.session();
        session.setAttribute("user", username);
        if (throughProvider) {
            session.setAttribute(LanyardSession.ATTRIBUTE, LanyardSession.of("corp", "https://corp.example.com",
                    "sub-1", Optional.empty(), Instant.parse("2026-06-01T11:00:00Z"), Optional.empty(), "id.token"));
        }
        return session;
    }

    private FakeHttp.Request request(String path) {
        return new FakeHttp.Request("GET", "/wiki", path);
    }

    @Test
    void aPersonSignedInThroughAProviderSignsInThereAgainAndComesBackToDone() throws Exception {
        FakeHttp.Request start = request(ReauthenticateServlet.PATH).parameter("destination", "/admin/users.action")
                .withSession(signedIn("admin", true));

        servlet.doGet(start.mock, response.mock);

        verify(loginService).startLogin("corp", "/plugins/servlet/lanyard/reauthenticate/done?destination="
                + "%2Fadmin%2Fusers.action", LoginOptions.reauthentication("admin"));
        verify(response.mock).sendRedirect("https://corp.example.com/authorize?state=s1");
    }

    @Test
    void aPersonSignedInWithAPasswordGetsTheCodeAndTheProductsPrompt() throws Exception {
        FakeHttp.Request start = request(ReauthenticateServlet.PATH).withSession(signedIn("admin", false));

        servlet.doGet(start.mock, response.mock);

        assertThat(response.body()).contains("LNY-809").contains("lanyard_native=1");
        verify(loginService, never()).startLogin(anyString(), anyString(), any(LoginOptions.class));
    }

    @Test
    void reauthenticationSwitchedOffInSettingsIsRefused() throws Exception {
        settings.change(s -> s.toBuilder().reauthenticateAtProvider(false).build());

        servlet.doGet(request(ReauthenticateServlet.PATH).withSession(signedIn("admin", true)).mock, response.mock);

        assertThat(response.body()).contains("LNY-809");
        verify(loginService, never()).startLogin(anyString(), anyString(), any(LoginOptions.class));
    }

    @Test
    void doneStartsTheProductsWebSudoOnlyAfterAFreshConfirmationAndOnlyOnce() throws Exception {
        HttpSession session = signedIn("admin", true);
        session.setAttribute(ReauthenticateServlet.REAUTHENTICATED_AT, clock.instant().minusSeconds(5));
        FakeHttp.Request done = request(ReauthenticateServlet.PATH + "/done")
                .parameter("destination", "/admin/users.action").withSession(session);

        servlet.doGet(done.mock, response.mock);

        verify(webSudo).start(done.mock, response.mock);
        verify(response.mock).sendRedirect("/wiki/admin/users.action");
        assertThat(session.getAttribute(ReauthenticateServlet.REAUTHENTICATED_AT)).isNull();

        FakeHttp.Response again = new FakeHttp.Response();
        FakeHttp.Request replay = request(ReauthenticateServlet.PATH + "/done").withSession(session);
        servlet.doGet(replay.mock, again.mock);
        assertThat(again.body()).contains("LNY-809");
        verify(webSudo, never()).start(replay.mock, again.mock);
    }

    @Test
    void doneWithoutOrWithAStaleConfirmationStartsNothing() throws Exception {
        servlet.doGet(request(ReauthenticateServlet.PATH + "/done").withSession(signedIn("admin", true)).mock,
                response.mock);
        HttpSession stale = signedIn("admin", true);
        stale.setAttribute(ReauthenticateServlet.REAUTHENTICATED_AT, clock.instant().minusSeconds(600));
        servlet.doGet(request(ReauthenticateServlet.PATH + "/done").withSession(stale).mock,
                new FakeHttp.Response().mock);

        assertThat(response.body()).contains("LNY-809");
        verifyNoInteractions(webSudo);
    }

    @Test
    void aProductWithoutWebSudoSaysSo() throws Exception {
        HttpSession session = signedIn("admin", true);
        session.setAttribute(ReauthenticateServlet.REAUTHENTICATED_AT, clock.instant());
        ReauthenticateServlet bitbucket = LanyardWeb.create(loginService, new ConfigurationHolder(
                LanyardConfiguration.empty()), mock(SessionLogin.class), LoginPage.BITBUCKET,
                () -> URI.create("https://host.example.com"), PendingLoginSeal.inMemory(), settings, clock)
                .reauthenticateServlet(new SessionUser(), new io.lanyard.plugin.session.NoWebSudo("Bitbucket"), clock);

        bitbucket.doGet(request(ReauthenticateServlet.PATH + "/done").withSession(session).mock, response.mock);

        assertThat(response.body()).contains("LNY-809");
        verify(response.mock, never()).sendRedirect(anyString());
    }

    @Test
    void onlyPathsOfThisSiteAreDestinations() {
        assertThat(ReauthenticateServlet.onSite("/admin/x?y=1")).isEqualTo("/admin/x?y=1");
        assertThat(ReauthenticateServlet.onSite("//evil.example.com/x")).isEqualTo("/");
        assertThat(ReauthenticateServlet.onSite("https://evil.example.com")).isEqualTo("/");
        assertThat(ReauthenticateServlet.onSite("/\\evil.example.com")).isEqualTo("/");
        assertThat(ReauthenticateServlet.onSite(null)).isEqualTo("/");
    }

    @Test
    void theProductsPromptSendsProviderSessionsHereAndLeavesPasswordSessionsAlone() throws Exception {
        WebSudoPromptFilter prompt = new WebSudoPromptFilter("destination", settings);
        FilterChain chain = mock(FilterChain.class);
        FakeHttp.Request sso = request("/authenticate.action").parameter("destination", "/admin/users.action")
                .withSession(signedIn("admin", true));

        prompt.doFilter(sso.mock, response.mock, chain);

        verify(response.mock).sendRedirect("/wiki/plugins/servlet/lanyard/reauthenticate?destination="
                + "%2Fadmin%2Fusers.action");
        verify(chain, never()).doFilter(any(), any());

        FakeHttp.Request password = request("/authenticate.action").withSession(signedIn("admin", false));
        prompt.doFilter(password.mock, response.mock, chain);
        FakeHttp.Request nativePrompt = request("/authenticate.action").parameter("lanyard_native", "1")
                .withSession(signedIn("admin", true));
        prompt.doFilter(nativePrompt.mock, response.mock, chain);
        FakeHttp.Request post = new FakeHttp.Request("POST", "/wiki", "/authenticate.action")
                .withSession(signedIn("admin", true));
        prompt.doFilter(post.mock, response.mock, chain);
        verify(chain).doFilter(password.mock, response.mock);
        verify(chain).doFilter(nativePrompt.mock, response.mock);
        verify(chain).doFilter(post.mock, response.mock);
    }
}
