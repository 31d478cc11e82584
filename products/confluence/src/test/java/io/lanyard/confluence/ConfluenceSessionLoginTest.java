package io.lanyard.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.atlassian.confluence.security.login.LoginManager;
import com.atlassian.confluence.security.seraph.ConfluenceUserPrincipal;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.sal.api.auth.AuthenticationController;
import com.atlassian.sal.api.auth.AuthenticationListener;
import com.atlassian.sal.api.user.UserManager;
import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.sal.SalLogin;
import java.security.Principal;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Confluence: its SAL listener records the login itself for a session marked as a single sign-on; Lanyard records it
 * only when it had to use Seraph's keys.
 */
class ConfluenceSessionLoginTest {

    private final UserManager salUserManager = mock(UserManager.class);
    private final AuthenticationController controller = mock(AuthenticationController.class);
    private final AuthenticationListener listener = mock(AuthenticationListener.class);
    private final UserAccessor userAccessor = mock(UserAccessor.class);
    private final LoginManager loginManager = mock(LoginManager.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final HttpSession session = mock(HttpSession.class);
    private final ConfluenceUser alice = mock(ConfluenceUser.class);
    private final Principal salAlice = () -> "alice";
    private final ConfluenceSessionLogin login = new ConfluenceSessionLogin(
            new SalLogin("Confluence", salUserManager, controller, listener), userAccessor, loginManager);

    @BeforeEach
    void aliceMayLogIn() {
        when(alice.getName()).thenReturn("alice");
        when(salUserManager.resolve("alice")).thenReturn(salAlice);
        when(controller.canLogin(salAlice, request)).thenReturn(true);
        when(userAccessor.getUserByName("alice")).thenReturn(alice);
        when(request.getSession(true)).thenReturn(session);
    }

    @Test
    void throughSalTheSessionIsMarkedSoConfluencesListenerRecordsTheLoginItself() {
        login.logIn(request, response, new HostUser("alice", "Alice", "alice@example.com", true));

        verify(session).setAttribute(SalLogin.SSO_SESSION_ATTRIBUTE, Boolean.TRUE);
        verify(listener).authenticationSuccess(any(), eq(request), eq(response));
        verifyNoInteractions(loginManager, userAccessor);
    }

    @Test
    void withoutTheListenerAConfluenceUserPrincipalGoesUnderSeraphsKeysAndTheLoginIsRecorded() {
        doThrow(new NoSuchMethodError("authenticationSuccess")).when(listener).authenticationSuccess(any(), any(), any());

        login.logIn(request, response, new HostUser("alice", "Alice", "alice@example.com", true));

        ArgumentCaptor<Object> principal = ArgumentCaptor.forClass(Object.class);
        verify(session).setAttribute(eq("seraph_defaultauthenticator_user"), principal.capture());
        assertThat(principal.getValue()).isInstanceOf(ConfluenceUserPrincipal.class);
        assertThat(((ConfluenceUserPrincipal) principal.getValue()).getName()).isEqualTo("alice");
        verify(session).setAttribute("seraph_defaultauthenticator_user_id", "alice");
        verify(loginManager).onSuccessfulLoginAttempt("alice", request);
    }
}
