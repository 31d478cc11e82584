package io.lanyard.bamboo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.User;
import com.atlassian.sal.api.user.UserManager;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BambooSessionLoginTest {

    private final UserManager salUserManager = mock(UserManager.class);
    private final CrowdService crowd = mock(CrowdService.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpSession session = mock(HttpSession.class);
    private final User alice = mock(User.class);
    private final BambooSessionLogin login = new BambooSessionLogin(salUserManager, crowd);

    @BeforeEach
    void aliceExists() {
        when(crowd.getUser("alice")).thenReturn(alice);
        when(request.getSession(true)).thenReturn(session);
    }

    @Test
    void logInPutsTheCrowdUserUnderSeraphsKey() {
        login.logIn(request, mock(HttpServletResponse.class), new HostUser("alice", "Alice", "", true));

        verify(session).setAttribute("seraph_defaultauthenticator_user", alice);
        verify(session).setAttribute("seraph_defaultauthenticator_logged_out_user", null);
    }

    @Test
    void aBambooWhoseApiDiffersEndsInLny601() {
        doThrow(new NoSuchFieldError("LOGGED_IN_KEY")).when(session).setAttribute("seraph_defaultauthenticator_user", alice);

        assertThatThrownBy(() -> login.logIn(request, mock(HttpServletResponse.class), new HostUser("alice", "Alice", "", true)))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HOST_API_UNAVAILABLE));
    }

    @Test
    void aUserGoneFromBambooIsAHostLoginFailure() {
        assertThatThrownBy(() -> login.logIn(request, mock(HttpServletResponse.class), new HostUser("bob", "Bob", "", true)))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HOST_LOGIN_FAILED));
    }

    @Test
    void loggedInBySeraphsSessionAttribute() {
        when(request.getSession(false)).thenReturn(session);
        when(session.getAttribute("seraph_defaultauthenticator_user")).thenReturn(alice);

        assertThat(login.isLoggedIn(request)).isTrue();
    }
}
