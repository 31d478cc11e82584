package io.lanyard.plugin.sal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.sal.api.auth.AuthenticationController;
import com.atlassian.sal.api.auth.AuthenticationListener;
import com.atlassian.sal.api.user.UserManager;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.security.Principal;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** One API request as a user, as the products' own token plugins do it (docs/host-evidence.md 5.1): nothing lingers. */
class SalRequestLoginTest {

    private final UserManager userManager = mock(UserManager.class);
    private final AuthenticationController controller = mock(AuthenticationController.class);
    private final AuthenticationListener listener = mock(AuthenticationListener.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final HttpSession session = mock(HttpSession.class);
    private final FilterChain chain = mock(FilterChain.class);
    private final Principal bot = () -> "svc-bot";
    private final SalRequestLogin login = new SalRequestLogin(new SalLogin("Jira", userManager, controller, listener));

    @Test
    void theListenerAuthenticatesTheRequestMarkedAsATokenRequestAndTheSessionEndsAfterTheChain() throws Exception {
        when(userManager.resolve("svc-bot")).thenReturn(bot);
        when(controller.canLogin(bot, request)).thenReturn(true);
        when(request.getSession(false)).thenReturn(session);

        login.proceedAs("svc-bot", request, response, chain);

        InOrder order = inOrder(listener, request, chain, session);
        order.verify(listener).authenticationSuccess(any(), any(), any());
        order.verify(request).setAttribute(SalRequestLogin.ACCESS_TOKEN_REQUEST, Boolean.TRUE);
        order.verify(request).setAttribute(SalRequestLogin.ALREADY_FILTERED, Boolean.TRUE);
        order.verify(chain).doFilter(request, response);
        order.verify(session).invalidate();
    }

    @Test
    void anAccountTheProductRefusesNeverReachesTheChain() throws Exception {
        when(userManager.resolve("svc-bot")).thenReturn(bot);
        when(controller.canLogin(bot, request)).thenReturn(false);

        LanyardException refused = catchThrowableOfType(LanyardException.class,
                () -> login.proceedAs("svc-bot", request, response, chain));

        assertThat(refused.errorCode()).isEqualTo(ErrorCode.USER_NOT_PERMITTED);
        verify(chain, never()).doFilter(any(), any());
        verify(listener, never()).authenticationSuccess(any(), any(), any());
    }
}
