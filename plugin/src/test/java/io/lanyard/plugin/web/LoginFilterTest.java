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
import io.lanyard.core.login.LoginRedirect;
import io.lanyard.core.login.LoginService;
import io.lanyard.plugin.session.SessionLogin;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
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

    private LoginFilter filter(LoginPage loginPage) {
        return LanyardWeb.create(loginService, configuration, sessionLogin, loginPage,
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)).loginFilter();
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
    void startsLoginAtTheOnlyEnabledProviderAndKeepsPendingLoginInSession() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/login.jsp").parameter("os_destination", "/browse/X-1");
        when(loginService.startLogin("idp1", "/browse/X-1"))
                .thenReturn(new LoginRedirect(Fixtures.pending("s1"), AUTHORIZATION));

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect(AUTHORIZATION.toString());
        verify(chain, never()).doFilter(any(), any());
        assertThat(new PendingLoginRepository(Clock.systemUTC()).take(request.mock, "s1")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//login.jsp", "/./login.jsp", "/%6cogin.jsp", "/x/../login.jsp", "/login.jsp;a=b"})
    void interceptsTheLoginPageHoweverTheUriSpellsItAsTheContainerResolvedIt(String rawPath) throws Exception {
        // the security review's INFO finding: these showed the native form, past the filter
        FakeHttp.Request request = new FakeHttp.Request("GET", "/jira", rawPath).resolvedAs("/login.jsp", null);
        when(loginService.startLogin("idp1", null)).thenReturn(new LoginRedirect(Fixtures.pending("s1"), AUTHORIZATION));

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect(AUTHORIZATION.toString());
        verifyNoInteractions(chain);
    }

    @Test
    void interceptsTheLoginPageOfAServletMappedAtAPrefixByItsPathInfo() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/login").resolvedAs("", "/login");
        when(loginService.startLogin("idp1", null)).thenReturn(new LoginRedirect(Fixtures.pending("s1"), AUTHORIZATION));

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
        when(loginService.startLogin("idp1", null)).thenReturn(new LoginRedirect(Fixtures.pending("s1"), AUTHORIZATION));

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect(AUTHORIZATION.toString());
    }

    @Test
    void usesTheHostsOwnReturnParameter() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/login").parameter("next", "/projects/P").parameter("os_destination", "/x");
        when(loginService.startLogin("idp1", "/projects/P")).thenReturn(new LoginRedirect(Fixtures.pending("s1"), AUTHORIZATION));

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
        when(loginService.startLogin("idp1", null))
                .thenThrow(new LoginFailedException(ErrorCode.DISCOVERY_UNREACHABLE, "connect timed out"));

        filter(LoginPage.JIRA).doFilter(request.mock, response.mock, chain);

        verify(response.mock).setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        assertThat(response.body()).contains("LNY-200").doesNotContain("connect timed out");
        assertThat(request.currentSession()).isNull();
    }
}
