package io.lanyard.bamboo;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

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

/** Bamboo: SAL's login with Bamboo's own principal, which is also what goes under Seraph's keys without a listener. */
class BambooSessionLoginTest {

    private final UserManager salUserManager = mock(UserManager.class);
    private final AuthenticationController controller = mock(AuthenticationController.class);
    private final AuthenticationListener listener = mock(AuthenticationListener.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final HttpSession session = mock(HttpSession.class);
    private final Principal bambooAlice = () -> "alice";
    private final BambooSessionLogin login = new BambooSessionLogin(new SalLogin("Bamboo", salUserManager, controller, listener));

    @BeforeEach
    void aliceMayLogIn() {
        when(salUserManager.resolve("alice")).thenReturn(bambooAlice);
        when(controller.canLogin(bambooAlice, request)).thenReturn(true);
        when(request.getSession(true)).thenReturn(session);
    }

    @Test
    void bamboosSalListenerGetsBamboosOwnPrincipal() {
        login.logIn(request, response, new HostUser("alice", "Alice", "alice@example.com", true));

        verify(listener).authenticationSuccess(org.mockito.ArgumentMatchers.argThat(result -> result.getPrincipal() == bambooAlice),
                org.mockito.ArgumentMatchers.eq(request), org.mockito.ArgumentMatchers.eq(response));
        verify(session, never()).setAttribute(org.mockito.ArgumentMatchers.eq("seraph_defaultauthenticator_user"), any());
    }

    @Test
    void withoutTheListenerBamboosPrincipalGoesUnderSeraphsKeys() {
        doThrow(new NoSuchMethodError("authenticationSuccess")).when(listener).authenticationSuccess(any(), any(), any());

        login.logIn(request, response, new HostUser("alice", "Alice", "alice@example.com", true));

        verify(session).setAttribute("seraph_defaultauthenticator_user", bambooAlice);
        verify(session).setAttribute("seraph_defaultauthenticator_user_id", "alice");
    }
}
