package io.lanyard.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.jira.bc.security.login.LoginInfo;
import com.atlassian.jira.security.login.LoginManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.sal.api.auth.AuthenticationController;
import com.atlassian.sal.api.auth.AuthenticationListener;
import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.sal.SalLogin;
import java.security.Principal;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** Jira: SAL's login, then what Atlassian's SSO adds on Jira and the login recorded with Jira's LoginManager. */
class JiraSessionLoginTest {

    private final com.atlassian.sal.api.user.UserManager salUserManager = mock(com.atlassian.sal.api.user.UserManager.class);
    private final AuthenticationController controller = mock(AuthenticationController.class);
    private final AuthenticationListener listener = mock(AuthenticationListener.class);
    private final UserManager userManager = mock(UserManager.class);
    private final LoginManager loginManager = mock(LoginManager.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final HttpSession session = mock(HttpSession.class);
    private final ApplicationUser alice = mock(ApplicationUser.class);
    private final Principal salAlice = () -> "alice";
    private final JiraSessionLogin login = new JiraSessionLogin(
            new SalLogin("Jira", salUserManager, controller, listener), userManager, loginManager);

    @BeforeEach
    void aliceMayLogIn() {
        when(salUserManager.resolve("alice")).thenReturn(salAlice);
        when(controller.canLogin(salAlice, request)).thenReturn(true);
        when(userManager.getUserByName("alice")).thenReturn(alice);
        when(request.getSession(true)).thenReturn(session);
        when(session.getMaxInactiveInterval()).thenReturn(18_000);
    }

    @Test
    void theLoginIsRecordedWithLoginManagerWhoseAnswerIsALoginInfo() {
        when(loginManager.onLoginAttempt(request, "alice", true)).thenReturn(mock(LoginInfo.class));

        login.logIn(request, response, new HostUser("alice", "Alice", "alice@example.com", true));

        InOrder order = inOrder(listener, loginManager);
        order.verify(listener).authenticationSuccess(any(), any(), any());
        order.verify(loginManager).onLoginAttempt(request, "alice", true);
    }

    @Test
    void theAttributesAtlassiansSsoSetsOnJiraAreSet() {
        login.logIn(request, response, new HostUser("alice", "Alice", "alice@example.com", true));

        verify(request).setAttribute(JiraSessionLogin.REDIRECT_INTERCEPTING, Boolean.TRUE);
        verify(session).setAttribute(JiraSessionLogin.BOT_KILLER, 18_000);
        assertThat(JiraSessionLogin.REDIRECT_INTERCEPTING)
                .isEqualTo("com.atlassian.web.servlet.plugin.request.RedirectInterceptingResponse.sendRedirect");
        assertThat(JiraSessionLogin.BOT_KILLER).isEqualTo("com.atlassian.labs.botkiller.BotKiller");
    }

    @Test
    void withoutTheSalListenerTheApplicationUserGoesUnderSeraphsKeysAndTheLoginIsStillRecorded() {
        doThrow(new NoSuchMethodError("authenticationSuccess")).when(listener).authenticationSuccess(any(), any(), any());

        login.logIn(request, response, new HostUser("alice", "Alice", "alice@example.com", true));

        verify(session).setAttribute("seraph_defaultauthenticator_user", alice);
        verify(session).setAttribute("seraph_defaultauthenticator_user_id", "alice");
        verify(loginManager).onLoginAttempt(request, "alice", true);
    }

    @Test
    void aLoginManagerThatFailsLeavesTheLoginStanding() {
        doThrow(new NoSuchMethodError("onLoginAttempt")).when(loginManager).onLoginAttempt(any(), any(), anyBoolean());

        login.logIn(request, response, new HostUser("alice", "Alice", "", true));

        verify(listener).authenticationSuccess(any(), any(), any());
        verify(session, never()).invalidate();
        verify(session, never()).removeAttribute(any());
    }
}
