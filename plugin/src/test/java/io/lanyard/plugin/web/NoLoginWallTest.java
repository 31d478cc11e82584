package io.lanyard.plugin.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginRedirect;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.plugin.session.SessionLogin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that must never meet a login wall (docs/host-evidence.md §3.2), with single sign-on enforced and one
 * provider enabled: Lanyard only ever redirects a browser's GET of the product's login page, so each of these reaches
 * the product untouched, with its own authentication (Basic, a token, OAuth, the portal's own login). One test per case.
 */
class NoLoginWallTest {

    @TempDir
    Path home;

    private final LoginService loginService = mock(LoginService.class);
    private final SessionLogin sessionLogin = mock(SessionLogin.class);
    private LanyardWeb web;

    @BeforeEach
    void wire() {
        SettingsService settings = new SettingsService(Optional.of(home));
        settings.change(s -> s.toBuilder().ssoEnforced(true).build());
        web = LanyardWeb.create(loginService, new ConfigurationHolder(new LanyardConfiguration(List.of(
                Fixtures.provider("idp1", "Corporate", true)))), sessionLogin, LoginPage.JIRA,
                () -> URI.create("https://host.example.com"), PendingLoginSeal.inMemory(), settings, Clock.systemUTC());
    }

    private void assertPassesUntouched(FakeHttp.Request request) throws Exception {
        FilterChain chain = mock(FilterChain.class);
        HttpServletResponse response = mock(HttpServletResponse.class);

        web.loginFilter().doFilter(request.mock, response, chain);

        verify(chain).doFilter(request.mock, response);
        verifyNoInteractions(response, loginService, sessionLogin);
    }

    private static FakeHttp.Request withHeader(FakeHttp.Request request, String name, String value) {
        when(request.mock.getHeader(name)).thenReturn(value);
        return request;
    }

    @Test
    void restWithBasicAuthentication() throws Exception {
        assertPassesUntouched(withHeader(FakeHttp.get("/rest/api/2/issue/X-1"), "Authorization", "Basic YWxpY2U6YWxpY2U="));
    }

    @Test
    void restWithAPersonalAccessToken() throws Exception {
        assertPassesUntouched(withHeader(FakeHttp.get("/rest/api/2/myself"), "Authorization", "Bearer NjQ0MjM5ODk"));
    }

    @Test
    void theMobileAppsRestCalls() throws Exception {
        assertPassesUntouched(withHeader(FakeHttp.get("/rest/api/2/search"), "User-Agent",
                "Mozilla/5.0 (iPhone) Jira/5.3 AtlassianMobileApp"));
    }

    @Test
    void theMobileAppsLoginWebViewGoesThroughSingleSignOnLikeABrowser() throws Exception {
        FakeHttp.Request webView = withHeader(FakeHttp.get("/login.jsp"), "User-Agent",
                "Mozilla/5.0 (Linux; Android 14; wv) AtlassianMobileApp");
        when(loginService.startLogin(any(), any(), any())).thenReturn(new LoginRedirect(Fixtures.pending("s1"),
                URI.create("https://idp1.example.com/authorize")));
        HttpServletResponse response = new FakeHttp.Response().mock;

        web.loginFilter().doFilter(webView.mock, response, mock(FilterChain.class));

        verify(response).sendRedirect("https://idp1.example.com/authorize");
    }

    @Test
    void theServiceManagementPortalWithItsOwnLogin() throws Exception {
        assertPassesUntouched(FakeHttp.get("/servicedesk/customer/portal/1"));
        assertPassesUntouched(FakeHttp.get("/servicedesk/customer/user/login"));
    }

    @Test
    void gadgetsAndApplicationLinks() throws Exception {
        assertPassesUntouched(FakeHttp.get("/rest/gadgets/1.0/g/feed"));
        assertPassesUntouched(withHeader(FakeHttp.get("/plugins/servlet/applinks/whoami"), "Authorization",
                "OAuth oauth_consumer_key=\"jira\""));
    }

    @Test
    void gitOverHttpsOnBitbucket() throws Exception {
        FakeHttp.Request clone = withHeader(FakeHttp.get("/scm/proj/repo.git/info/refs"), "Authorization",
                "Basic YWxpY2U6dG9rZW4=");
        FilterChain chain = mock(FilterChain.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        LanyardWeb bitbucket = LanyardWeb.create(loginService, new ConfigurationHolder(new LanyardConfiguration(List.of(
                Fixtures.provider("idp1", "Corporate", true)))), sessionLogin, LoginPage.BITBUCKET,
                () -> URI.create("https://host.example.com"), PendingLoginSeal.inMemory());

        bitbucket.loginFilter().doFilter(clone.mock, response, chain);

        verify(chain).doFilter(clone.mock, response);
        verifyNoInteractions(response, loginService, sessionLogin);
    }
}
