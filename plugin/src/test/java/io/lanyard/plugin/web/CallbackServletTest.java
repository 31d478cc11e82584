package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.AuthorizationResponse;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.LoginSuccess;
import io.lanyard.core.login.PendingLogin;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.plugin.session.SessionLogin;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class CallbackServletTest {

    private static final HostUser ALICE = new HostUser("alice", "Alice Anderson", "alice@example.com", true);

    private final LoginService loginService = mock(LoginService.class);
    private final SessionLogin sessionLogin = mock(SessionLogin.class);
    private final PendingLoginSeal seal = PendingLoginSeal.inMemory();
    private final CallbackServlet servlet = LanyardWeb.create(loginService,
            new ConfigurationHolder(LanyardConfiguration.empty()), sessionLogin, LoginPage.SANDBOX,
            () -> URI.create("https://host.example.com/ctx"), seal).callbackServlet();
    private final FakeHttp.Response response = new FakeHttp.Response();

    private FakeHttp.Request callback(String idp) {
        return new FakeHttp.Request("GET", "/ctx", "/plugins/servlet/lanyard/callback/" + idp);
    }

    /** The browser brings back the cookie the login's start gave it. */
    private FakeHttp.Request startedIn(FakeHttp.Request request, PendingLogin login) {
        return request.cookie(PendingLoginCookies.nameFor(login.state()), seal.seal(login));
    }

    @Test
    void withoutStateShowsStateMissing() throws Exception {
        FakeHttp.Request request = callback("idp1").parameter("code", "c");

        servlet.doGet(request.mock, response.mock);

        assertThat(response.body()).contains("LNY-400");
        verify(response.mock).setStatus(400);
        verify(loginService, never()).completeLogin(any(), any(), any());
        verifyNoInteractions(sessionLogin);
    }

    @Test
    void withAStateThisBrowserHasNoLoginForShowsStateUnknown() throws Exception {
        FakeHttp.Request request = startedIn(callback("idp1").parameter("state", "forged").parameter("code", "c"),
                Fixtures.pending("s1"));

        servlet.doGet(request.mock, response.mock);

        assertThat(response.body()).contains("LNY-401");
        verify(loginService, never()).completeLogin(any(), any(), any());
        verifyNoInteractions(sessionLogin);
    }

    @Test
    void aCookieMovedToAnotherStatesNameNeverMatches() throws Exception {
        // a login's sealed cookie presented under the name of another state: opened, but its state is not the response's
        FakeHttp.Request request = callback("idp1").parameter("state", "s2").parameter("code", "c")
                .cookie(PendingLoginCookies.nameFor("s2"), seal.seal(Fixtures.pending("s1")));
        when(loginService.completeLogin(any(), any(), any())).thenThrow(
                new LoginFailedException(ErrorCode.STATE_UNKNOWN, "state does not belong to this login"));

        servlet.doGet(request.mock, response.mock);

        verify(loginService).completeLogin(eq("idp1"), eq(Fixtures.pending("s1")), any());
        assertThat(response.body()).contains("LNY-401");
    }

    @Test
    void aTamperedCookieShowsPendingLoginUnreadable() throws Exception {
        String sealed = seal.seal(Fixtures.pending("s1"));
        String tampered = sealed.substring(0, 40) + (sealed.charAt(40) == 'A' ? 'B' : 'A') + sealed.substring(41);
        FakeHttp.Request request = callback("idp1").parameter("state", "s1").parameter("code", "c")
                .cookie(PendingLoginCookies.nameFor("s1"), tampered);

        servlet.doGet(request.mock, response.mock);

        assertThat(response.body()).contains("LNY-407");
        verify(response.mock).setStatus(400);
        verify(loginService, never()).completeLogin(any(), any(), any());
    }

    @Test
    void aLoginSealedUnderAnotherKeyShowsPendingLoginUnreadable() throws Exception {
        FakeHttp.Request request = callback("idp1").parameter("state", "s1").parameter("code", "c")
                .cookie(PendingLoginCookies.nameFor("s1"), PendingLoginSeal.inMemory().seal(Fixtures.pending("s1")));

        servlet.doGet(request.mock, response.mock);

        assertThat(response.body()).contains("LNY-407");
    }

    @Test
    void aCallbackOfAProviderThatIsNotHereShowsIdpUnknownWith404AndKeepsThePendingLogin() throws Exception {
        FakeHttp.Request request = startedIn(callback("deletedIdp").parameter("state", "s1").parameter("code", "c"),
                Fixtures.pending("s1"));
        doThrow(new LoginFailedException(ErrorCode.IDP_UNKNOWN, "no identity provider deletedIdp"))
                .when(loginService).checkCallbackProvider("deletedIdp");

        servlet.doGet(request.mock, response.mock);

        assertThat(response.body()).contains("LNY-103").doesNotContain("LNY-401");
        verify(response.mock).setStatus(404);
        verify(loginService, never()).completeLogin(any(), any(), any());
        assertThat(response.setCookies).as("the login this browser started stays usable").isEmpty();
    }

    @Test
    void withoutTheCookieShowsStateUnknownAndCreatesNoSession() throws Exception {
        FakeHttp.Request request = callback("idp1").parameter("state", "s1").parameter("code", "c");

        servlet.doGet(request.mock, response.mock);

        assertThat(response.body()).contains("LNY-401");
        assertThat(request.currentSession()).isNull();
    }

    @Test
    void onSuccessClearsTheCookieRenewsSessionIdThenLogsInThenRedirectsToReturnPath() throws Exception {
        FakeHttp.Request request = startedIn(callback("idp1").parameter("state", "s1").parameter("code", "c")
                .parameter("iss", "https://idp1.example.com"), Fixtures.pending("s1"))
                .withSession(FakeHttp.session());
        LoginSuccess success = new LoginSuccess(ALICE, "idp1", "sub-1", "/pages/projects?x=1", "id.token.value",
                Map.of("sub", "sub-1", "groups", List.of("jira-users")));
        when(loginService.completeLogin(eq("idp1"), eq(Fixtures.pending("s1")), any())).thenReturn(success);

        servlet.doGet(request.mock, response.mock);

        InOrder order = inOrder(request.mock, sessionLogin, response.mock);
        order.verify(request.mock).changeSessionId();
        order.verify(sessionLogin).logIn(request.mock, response.mock, success);
        order.verify(response.mock).sendRedirect("/ctx/pages/projects?x=1");
        ArgumentCaptor<AuthorizationResponse> sent = ArgumentCaptor.forClass(AuthorizationResponse.class);
        verify(loginService).completeLogin(eq("idp1"), any(), sent.capture());
        assertThat(sent.getValue()).isEqualTo(AuthorizationResponse.of("s1", "c", "https://idp1.example.com", null, null));
        assertThat(response.setCookies).containsExactly(PendingLoginCookies.nameFor("s1")
                + "=; Max-Age=0; Path=/ctx/plugins/servlet/lanyard/callback/; Secure; HttpOnly; SameSite=Lax");
        // what the revocation check, the lifetime cap and a logout at the provider read, in the host session only
        assertThat(request.currentSession().getAttribute(io.lanyard.core.session.LanyardSession.ATTRIBUTE))
                .isEqualTo(success.session());
    }

    @Test
    void aReauthenticationMarksTheSessionForTheWebSudoStartAndANormalLoginDoesNot() throws Exception {
        FakeHttp.Request request = startedIn(callback("idp1").parameter("state", "s1").parameter("code", "c")
                .parameter("iss", "https://idp1.example.com"), Fixtures.pending("s1"))
                .withSession(FakeHttp.session());
        LoginSuccess plain = new LoginSuccess(ALICE, "idp1", "sub-1", "/x", "id.token.value", Map.of("sub", "sub-1"));
        LoginSuccess again = new LoginSuccess(ALICE, "idp1", "sub-1", "/plugins/servlet/lanyard/reauthenticate/done",
                "id.token.value", Map.of("sub", "sub-1"), plain.session(), true);
        when(loginService.completeLogin(eq("idp1"), eq(Fixtures.pending("s1")), any())).thenReturn(plain, again);

        servlet.doGet(request.mock, response.mock);
        assertThat(request.currentSession().getAttribute(ReauthenticateServlet.REAUTHENTICATED_AT)).isNull();

        FakeHttp.Request second = startedIn(callback("idp1").parameter("state", "s1").parameter("code", "c")
                .parameter("iss", "https://idp1.example.com"), Fixtures.pending("s1"))
                .withSession(FakeHttp.session());
        servlet.doGet(second.mock, new FakeHttp.Response().mock);
        assertThat(second.currentSession().getAttribute(ReauthenticateServlet.REAUTHENTICATED_AT))
                .isInstanceOf(java.time.Instant.class);
    }

    @Test
    void aSilentRenewalTheProviderCannotAnswerWithoutThePersonStartsTheNormalLoginForTheSamePage() throws Exception {
        FakeHttp.Request request = startedIn(callback("idp1").parameter("state", "s1").parameter("error",
                "login_required"), Fixtures.pending("s1"));
        when(loginService.completeLogin(eq("idp1"), eq(Fixtures.pending("s1")), any())).thenThrow(
                new io.lanyard.core.login.SilentLoginNeedsInteraction(Fixtures.pending("s1"), "login_required"));
        when(loginService.startLogin("idp1", "/pages/s1", io.lanyard.core.login.LoginOptions.none())).thenReturn(
                new io.lanyard.core.login.LoginRedirect(Fixtures.pending("s2"),
                        URI.create("https://idp1.example.com/authorize?state=s2")));

        servlet.doGet(request.mock, response.mock);

        verify(response.mock).sendRedirect("https://idp1.example.com/authorize?state=s2");
        verifyNoInteractions(sessionLogin);
        assertThat(response.body()).doesNotContain("LNY-835");
    }

    @Test
    void withoutASessionBeforeTheLoginNoSessionIdIsRenewedAndTheHostCreatesOne() throws Exception {
        FakeHttp.Request request = startedIn(callback("idp1").parameter("state", "s1").parameter("code", "c"),
                Fixtures.pending("s1"));
        when(loginService.completeLogin(any(), any(), any()))
                .thenReturn(new LoginSuccess(ALICE, "idp1", "sub-1", "/", "id.token.value", Map.of()));

        servlet.doGet(request.mock, response.mock);

        verify(request.mock, never()).changeSessionId();
        verify(sessionLogin).logIn(eq(request.mock), eq(response.mock), any(LoginSuccess.class));
    }

    @Test
    void aFailedCallbackClearsTheCookieToo() throws Exception {
        FakeHttp.Request request = startedIn(callback("idp1").parameter("state", "s1").parameter("code", "c"),
                Fixtures.pending("s1"));
        when(loginService.completeLogin(any(), any(), any())).thenThrow(
                new LoginFailedException(ErrorCode.TOKEN_REQUEST_REJECTED, "invalid_grant"));

        servlet.doGet(request.mock, response.mock);

        assertThat(response.setCookies).singleElement().asString().contains("Max-Age=0");
    }

    @Test
    void passesProviderIdFromPathWithoutPathParameters() throws Exception {
        FakeHttp.Request request = startedIn(callback("idp2;jsessionid=X").parameter("state", "s1")
                .parameter("code", "c"), Fixtures.pending("s1"));
        when(loginService.completeLogin(any(), any(), any()))
                .thenReturn(new LoginSuccess(ALICE, "idp2", "sub-1", "/", "id.token.value", Map.of()));

        servlet.doGet(request.mock, response.mock);

        verify(loginService).completeLogin(eq("idp2"), eq(Fixtures.pending("s1")), any());
    }

    @Test
    void providerErrorIsShownEscapedAndNobodyIsLoggedIn() throws Exception {
        FakeHttp.Request request = startedIn(callback("idp1").parameter("state", "s1")
                .parameter("error", "access_denied"), Fixtures.pending("s1")).withSession(FakeHttp.session());
        when(loginService.completeLogin(any(), any(), any())).thenThrow(
                new LoginFailedException(ErrorCode.IDP_ERROR_RESPONSE, "provider said access_denied", "access_denied<b>"));

        servlet.doGet(request.mock, response.mock);

        assertThat(response.body()).contains("LNY-300").contains("access_denied&lt;b&gt;");
        verify(request.mock, never()).changeSessionId();
        verifyNoInteractions(sessionLogin);
        verify(response.mock, never()).sendRedirect(any());
    }
}
