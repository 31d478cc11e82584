package io.lanyard.plugin.web;

import static io.lanyard.plugin.web.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginOptions;
import io.lanyard.core.login.LoginRedirect;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.plugin.session.SessionLogin;
import java.net.URI;
import java.util.List;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginFilterTest {

    private static final URI AUTHORIZATION = URI.create("https://idp1.example.com/authorize?state=s1");

    private final LoginService loginService = mock(LoginService.class);
    private final SessionLogin sessionLogin = mock(SessionLogin.class);
    private final ConfigurationHolder configuration = new ConfigurationHolder(
            new LanyardConfiguration(List.of(provider("idp1", "Corporate", true), provider("idp2", "Partners", false))));
    private final FilterChain chain = mock(FilterChain.class);
    private final FakeHttp.Response response = new FakeHttp.Response();

    private final PendingLoginSeal seal = PendingLoginSeal.inMemory();

    private LoginFilter filter(LoginPage loginPage) {
        return LanyardWeb.create(loginService, configuration, sessionLogin, loginPage,
                () -> URI.create("https://host.example.com"), seal).loginFilter();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/secure/Dashboard.jspa", "/s/1234/_/download/batch/app.css", "/styles/main.css",
            "/images/logo.png", "/rest/api/2/issue/X-1", "/login.jspx", "/login.jsp/other", "/xlogin.jsp",
            "/plugins/servlet/lanyard/callback/idp1"})
    void passesThroughEveryOtherPathWithoutTouchingSessionOrCore(String path) throws Exception {
        FakeHttp.Request request = FakeHttp.get(path);

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(chain).doFilter(request.mock, response.mock);
        verify(request.mock, never()).getSession(anyBoolean());
        verify(request.mock, never()).getSession();
        verify(request.mock, never()).getParameter(any());
        verifyNoInteractions(loginService, sessionLogin, response.mock);
    }

    @Test
    void passesThroughPostToLoginPageSoTheNativeFormStillWorks() throws Exception {
        FakeHttp.Request request = new FakeHttp.Request("POST", "", "/login.jsp");

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(chain).doFilter(request.mock, response.mock);
        verifyNoInteractions(loginService, sessionLogin);
    }

    @Test
    void passesThroughLoginPageWithNativeLoginMarker() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/login.jsp").parameter("lanyard_native", "1");

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(chain).doFilter(request.mock, response.mock);
        verifyNoInteractions(loginService);
    }

    @Test
    void passesThroughLoginPageWhenAlreadyLoggedIn() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/login.jsp");
        when(sessionLogin.isLoggedIn(request.mock)).thenReturn(true);

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(chain).doFilter(request.mock, response.mock);
        verifyNoInteractions(loginService);
    }

    @Test
    void passesThroughLoginPageWhenNoProviderIsEnabled() throws Exception {
        configuration.replace(new LanyardConfiguration(List.of(provider("idp2", "Partners", false))));
        FakeHttp.Request request = FakeHttp.get("/login.jsp");

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(chain).doFilter(request.mock, response.mock);
        verifyNoInteractions(loginService);
    }

    @Test
    void startsLoginAtTheOnlyEnabledProviderAndKeepsThePendingLoginSealedInTheBrowserNotInASession() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/login.jsp").parameter("os_destination", "/browse/X-1");
        when(loginService.startLogin("idp1", "/browse/X-1", LoginOptions.none()))
                .thenReturn(new LoginRedirect(Fixtures.pending("s1"), AUTHORIZATION));

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect(AUTHORIZATION.toString());
        verify(chain, never()).doFilter(any(), any());
        assertThat(request.currentSession()).as("a session the host may cut or lose").isNull();
        String cookie = response.loginCookies().get(0);
        String name = PendingLoginCookies.nameFor("s1");
        assertThat(cookie).startsWith(name + "=")
                .endsWith("; Max-Age=600; Path=/plugins/servlet/lanyard/callback/; Secure; HttpOnly; SameSite=Lax")
                .doesNotContain("nonce-s1").doesNotContain("verifier-s1");
        assertThat(seal.open(cookie.substring(name.length() + 1, cookie.indexOf(';')))).isEqualTo(Fixtures.pending("s1"));
    }

    @Test
    void loginsStartedInSeveralTabsEachKeepACookieOfTheirOwn() throws Exception {
        when(loginService.startLogin("idp1", null, LoginOptions.none())).thenReturn(new LoginRedirect(Fixtures.pending("s1"), AUTHORIZATION),
                new LoginRedirect(Fixtures.pending("s2"), AUTHORIZATION));

        filter(LoginPage.JIRA).doFilter(FakeHttp.get("/login.jsp").mock, response.mock, chain);
        filter(LoginPage.JIRA).doFilter(FakeHttp.get("/login.jsp").mock, response.mock, chain);

        assertThat(response.loginCookies()).hasSize(2).satisfiesExactly(
                first -> assertThat(first).startsWith(PendingLoginCookies.nameFor("s1") + "="),
                second -> assertThat(second).startsWith(PendingLoginCookies.nameFor("s2") + "="));
    }

    @Test
    void aBrowserOnAnotherAddressThanTheBaseUrlIsSentToTheSamePageThereBeforeALoginStarts() throws Exception {
        FakeHttp.Request request = new FakeHttp.Request("GET", "/jira", "/login.jsp")
                .parameter("os_destination", "/browse/X-1");
        when(request.mock.getScheme()).thenReturn("http");
        when(request.mock.getServerName()).thenReturn("127.0.0.1");
        when(request.mock.getServerPort()).thenReturn(8080);
        when(request.mock.getQueryString()).thenReturn("os_destination=%2Fbrowse%2FX-1");

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect(
                "https://host.example.com/login.jsp?os_destination=%2Fbrowse%2FX-1&lanyard_base_url=1");
        verifyNoInteractions(loginService);
        assertThat(response.loginCookies()).isEmpty();
    }

    @Test
    void aRequestSentToTheBaseUrlAlreadyStartsItsLoginEvenIfAProxyHidesTheAddress() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/login.jsp").parameter(BaseUrlRedirect.MARKER, "1");
        when(request.mock.getServerName()).thenReturn("internal-node-3");
        when(loginService.startLogin("idp1", null, LoginOptions.none())).thenReturn(new LoginRedirect(Fixtures.pending("s1"), AUTHORIZATION));

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect(AUTHORIZATION.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"//login.jsp", "/./login.jsp", "/%6cogin.jsp", "/x/../login.jsp", "/login.jsp;a=b"})
    void interceptsTheLoginPageHoweverTheUriSpellsItAsTheContainerResolvedIt(String rawPath) throws Exception {
        // the security review's INFO finding: these showed the native form, past the filter
        FakeHttp.Request request = new FakeHttp.Request("GET", "/jira", rawPath).resolvedAs("/login.jsp", null);
        when(loginService.startLogin("idp1", null, LoginOptions.none())).thenReturn(new LoginRedirect(Fixtures.pending("s1"), AUTHORIZATION));

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect(AUTHORIZATION.toString());
        verifyNoInteractions(chain);
    }

    @Test
    void interceptsTheLoginPageOfAServletMappedAtAPrefixByItsPathInfo() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/login").resolvedAs("", "/login");
        when(loginService.startLogin("idp1", null, LoginOptions.none())).thenReturn(new LoginRedirect(Fixtures.pending("s1"), AUTHORIZATION));

        filter(LoginPage.BITBUCKET).doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect(AUTHORIZATION.toString());
    }

    @Test
    void passesAPathThatMerelyStartsWithTheLoginPathInItsServletPathAndPathInfo() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/login/x").resolvedAs("/login", "/x");

        filter(LoginPage.BITBUCKET).doFilter(request.mock, response.mock, chain);

        verify(chain).doFilter(request.mock, response.mock);
        verifyNoInteractions(loginService);
    }

    @Test
    void interceptsHeadAndLoginPathBehindContextPathWithPathParameters() throws Exception {
        FakeHttp.Request request = new FakeHttp.Request("HEAD", "/jira", "/login.jsp;jsessionid=ABC");
        when(loginService.startLogin("idp1", null, LoginOptions.none())).thenReturn(new LoginRedirect(Fixtures.pending("s1"), AUTHORIZATION));

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect(AUTHORIZATION.toString());
    }

    @Test
    void usesTheHostsOwnReturnParameter() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/login").parameter("next", "/projects/P").parameter("os_destination", "/x");
        when(loginService.startLogin("idp1", "/projects/P", LoginOptions.none())).thenReturn(new LoginRedirect(Fixtures.pending("s1"), AUTHORIZATION));

        filter(LoginPage.BITBUCKET).doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect(AUTHORIZATION.toString());
    }

    @Test
    void sendsBrowserToChooserWhenSeveralProvidersAreEnabled() throws Exception {
        configuration.replace(new LanyardConfiguration(List.of(provider("idp1", "Corporate", true),
                provider("idp2", "Partners", true))));
        FakeHttp.Request request = new FakeHttp.Request("GET", "/jira", "/login.jsp")
                .parameter("os_destination", "/browse/X-1?a=b");

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect("/jira/plugins/servlet/lanyard/login?return=%2Fbrowse%2FX-1%3Fa%3Db");
        verifyNoInteractions(loginService);
        verify(request.mock, never()).getSession(true);
    }

    @Test
    void showsErrorPageWithoutSessionWhenLoginCannotStart() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/login.jsp");
        when(loginService.startLogin("idp1", null, LoginOptions.none()))
                .thenThrow(new LoginFailedException(ErrorCode.DISCOVERY_UNREACHABLE, "connect timed out"));

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(response.mock).setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        assertThat(response.body()).contains("LNY-200").doesNotContain("connect timed out");
        assertThat(request.currentSession()).isNull();
    }
}
