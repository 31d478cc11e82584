package io.lanyard.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.confluence.security.login.LoginManager;
import com.atlassian.confluence.security.seraph.ConfluenceUserPrincipal;
import com.atlassian.confluence.user.AuthenticatedUserThreadLocal;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.sal.api.user.UserManager;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ConfluenceSessionLoginTest {

    private final UserManager salUserManager = mock(UserManager.class);
    private final UserAccessor userAccessor = mock(UserAccessor.class);
    private final LoginManager loginManager = mock(LoginManager.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpSession session = mock(HttpSession.class);
    private final ConfluenceUser alice = mock(ConfluenceUser.class);
    private final ConfluenceSessionLogin login = new ConfluenceSessionLogin(salUserManager, userAccessor, loginManager);

    @BeforeEach
    void aliceExists() {
        when(alice.getName()).thenReturn("alice");
        when(userAccessor.getUserByName("alice")).thenReturn(alice);
        when(request.getSession(true)).thenReturn(session);
    }

    @AfterEach
    void clearThreadLocal() {
        AuthenticatedUserThreadLocal.set(null);
    }

    @Test
    void logInPutsAPrincipalInTheSessionAndTheUserOnTheThread() {
        login.logIn(request, mock(HttpServletResponse.class), new HostUser("alice", "Alice", "", true));

        ArgumentCaptor<Object> principal = ArgumentCaptor.forClass(Object.class);
        verify(session).setAttribute(eq("seraph_defaultauthenticator_user"), principal.capture());
        assertThat(principal.getValue()).isInstanceOfSatisfying(ConfluenceUserPrincipal.class,
                p -> assertThat(p.getName()).isEqualTo("alice"));
        verify(session).setAttribute("seraph_defaultauthenticator_logged_out_user", null);
        assertThat(AuthenticatedUserThreadLocal.get()).isSameAs(alice);
        verify(loginManager).onSuccessfulLoginAttempt("alice", request);
    }

    @Test
    void aUserGoneFromConfluenceIsAHostLoginFailure() {
        assertThatThrownBy(() -> login.logIn(request, mock(HttpServletResponse.class), new HostUser("bob", "Bob", "", true)))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HOST_LOGIN_FAILED));
    }

    @Test
    void aLoginManagerThatFailsDoesNotUndoTheLogin() {
        doThrow(new IllegalStateException("service unavailable")).when(loginManager).onSuccessfulLoginAttempt(any(), any());

        login.logIn(request, mock(HttpServletResponse.class), new HostUser("alice", "Alice", "", true));

        assertThat(AuthenticatedUserThreadLocal.get()).isSameAs(alice);
    }

    @Test
    void loggedInBySeraphsSessionAttributeOrBySal() {
        assertThat(login.isLoggedIn(request)).isFalse();

        when(request.getSession(false)).thenReturn(session);
        when(session.getAttribute("seraph_defaultauthenticator_user")).thenReturn(new Object());
        assertThat(login.isLoggedIn(request)).isTrue();
    }
}
