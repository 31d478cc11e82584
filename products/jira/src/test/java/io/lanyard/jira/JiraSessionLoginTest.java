package io.lanyard.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.login.LoginManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.sal.api.user.UserKey;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class JiraSessionLoginTest {

    private final com.atlassian.sal.api.user.UserManager salUserManager = mock(com.atlassian.sal.api.user.UserManager.class);
    private final UserManager userManager = mock(UserManager.class);
    private final JiraAuthenticationContext authenticationContext = mock(JiraAuthenticationContext.class);
    private final LoginManager loginManager = mock(LoginManager.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final HttpSession session = mock(HttpSession.class);
    private final ApplicationUser alice = mock(ApplicationUser.class);
    private final JiraSessionLogin login = new JiraSessionLogin(salUserManager, userManager, authenticationContext, loginManager);

    @BeforeEach
    void aliceExists() {
        when(alice.getUsername()).thenReturn("alice");
        when(userManager.getUserByName("alice")).thenReturn(alice);
        when(request.getSession(true)).thenReturn(session);
    }

    @Test
    void logInDoesWhatSeraphsLoginDoes() {
        login.logIn(request, response, new HostUser("alice", "Alice", "alice@example.com", true));

        InOrder order = inOrder(session, authenticationContext, loginManager);
        order.verify(session).setAttribute("seraph_defaultauthenticator_user", alice);
        order.verify(session).setAttribute("seraph_defaultauthenticator_logged_out_user", null);
        order.verify(authenticationContext).setLoggedInUser(alice);
        order.verify(loginManager).onLoginAttempt(request, "alice", true);
        verifyNoInteractions(response);
    }

    @Test
    void aUserGoneFromJiraIsAHostLoginFailure() {
        assertThatThrownBy(() -> login.logIn(request, response, new HostUser("bob", "Bob", "", true)))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HOST_LOGIN_FAILED));
        verifyNoInteractions(session);
    }

    @Test
    void aLoginManagerThatFailsDoesNotUndoTheLogin() {
        doThrow(new NoSuchMethodError("onLoginAttempt")).when(loginManager).onLoginAttempt(any(), any(), org.mockito.ArgumentMatchers.anyBoolean());

        login.logIn(request, response, new HostUser("alice", "Alice", "", true));

        // Everything Seraph's login does happened, in order, and nothing afterwards took any of it back: no attribute
        // removed or overwritten, no session invalidated, no other user (or none) put in the authentication context.
        InOrder order = inOrder(session, authenticationContext, loginManager);
        order.verify(session).setAttribute("seraph_defaultauthenticator_user", alice);
        order.verify(session).setAttribute("seraph_defaultauthenticator_logged_out_user", null);
        order.verify(authenticationContext).setLoggedInUser(alice);
        order.verify(loginManager).onLoginAttempt(request, "alice", true);
        verifyNoMoreInteractions(session, authenticationContext);
        verifyNoInteractions(response);
    }

    @Test
    void aDifferentSeraphIsReportedAsUnsupportedHostApi() {
        doThrow(new NoSuchMethodError("setLoggedInUser")).when(authenticationContext).setLoggedInUser(alice);

        assertThatThrownBy(() -> login.logIn(request, response, new HostUser("alice", "Alice", "", true)))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HOST_API_UNAVAILABLE));
    }

    @Test
    void loggedInBySeraphsSessionAttributeOrBySal() {
        assertThat(login.isLoggedIn(request)).isFalse();

        when(request.getSession(false)).thenReturn(session);
        when(session.getAttribute("seraph_defaultauthenticator_user")).thenReturn(alice);
        assertThat(login.isLoggedIn(request)).isTrue();

        when(request.getSession(false)).thenReturn(null);
        when(salUserManager.getRemoteUserKey(request)).thenReturn(new UserKey("alice-key"));
        assertThat(login.isLoggedIn(request)).isTrue();
    }
}
