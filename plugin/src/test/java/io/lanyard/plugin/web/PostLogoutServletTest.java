package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LogoutService;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** RP-Initiated Logout 1.0 §3: the way back from the provider's logout, with the state this browser's logout sent. */
class PostLogoutServletTest {

    private final LogoutService logouts = mock(LogoutService.class);
    private final LogoutStateCookie cookie = new LogoutStateCookie(() -> URI.create("https://host.example.com/jira"));
    private final LanyardText text = LanyardText.english();
    private final PostLogoutServlet servlet = new PostLogoutServlet(logouts, cookie,
            new ErrorPage(LoginPage.JIRA, text, new ErrorPageRenderer(text)));
    private final FakeHttp.Response response = new FakeHttp.Response();

    @Test
    void theStateThisBrowserSentLandsOnTheLoggedOutPageAndClearsTheCookie() throws Exception {
        String state = LogoutStateCookie.newState("idp1");
        when(logouts.afterLogout("idp1")).thenReturn(LogoutSettings.AfterLogout.LOGGED_OUT_PAGE);
        FakeHttp.Request request = new FakeHttp.Request("GET", "/jira", LanyardPaths.POST_LOGOUT)
                .cookie(LogoutStateCookie.NAME, state).parameter("state", state);

        servlet.doGet(request.mock, response.mock);

        verify(response.mock).sendRedirect("/jira" + LanyardPaths.LOGGED_OUT);
        assertThat(response.setCookies).containsExactly("lanyard_logout=; Max-Age=0; Path=/jira"
                + LanyardPaths.POST_LOGOUT + "; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void aProviderConfiguredForTheStartPageLandsThere() throws Exception {
        String state = LogoutStateCookie.newState("idp1");
        when(logouts.afterLogout("idp1")).thenReturn(LogoutSettings.AfterLogout.START_PAGE);
        FakeHttp.Request request = new FakeHttp.Request("GET", "/jira", LanyardPaths.POST_LOGOUT)
                .cookie(LogoutStateCookie.NAME, state).parameter("state", state);

        servlet.doGet(request.mock, response.mock);

        verify(response.mock).sendRedirect("/jira/");
    }

    @Test
    void anotherStateIsRefusedWithItsCode() throws Exception {
        FakeHttp.Request request = FakeHttp.get(LanyardPaths.POST_LOGOUT)
                .cookie(LogoutStateCookie.NAME, LogoutStateCookie.newState("idp1")).parameter("state", "idp1.forged");

        servlet.doGet(request.mock, response.mock);

        verify(response.mock).setStatus(400);
        assertThat(response.body()).contains("LNY-832");
    }

    @Test
    void aReturnWithoutTheCookieIsRefusedWithItsCode() throws Exception {
        FakeHttp.Request request = FakeHttp.get(LanyardPaths.POST_LOGOUT).parameter("state", "idp1.abc");

        servlet.doGet(request.mock, response.mock);

        verify(response.mock).setStatus(400);
        assertThat(response.body()).contains("LNY-832");
    }
}
