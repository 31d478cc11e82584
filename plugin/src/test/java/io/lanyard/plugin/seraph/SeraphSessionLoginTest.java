package io.lanyard.plugin.seraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.sal.api.auth.AuthenticationController;
import com.atlassian.sal.api.auth.AuthenticationListener;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.sal.SalLogin;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The Seraph products' login: SAL's listener first; Seraph's two keys when it cannot be used. */
class SeraphSessionLoginTest {

    private static final String LOGGED_IN = "seraph_defaultauthenticator_user";
    private static final String LOGGED_IN_USER_ID = "seraph_defaultauthenticator_user_id";
    private static final String LOGGED_OUT = "seraph_defaultauthenticator_logged_out_user";

    private final UserManager userManager = mock(UserManager.class);
    private final AuthenticationController controller = mock(AuthenticationController.class);
    private final AuthenticationListener listener = mock(AuthenticationListener.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final HttpSession session = mock(HttpSession.class);
    private final Principal alice = () -> "alice";
    private final Object productAlice = new Object();
    private final List<String> afterLogins = new ArrayList<>();
    private final ProductLogin login = new ProductLogin(new SalLogin("Product", userManager, controller, listener));

    /** A product's steps, recording what the base class asks of it. */
    private class ProductLogin extends SeraphSessionLogin {
        ProductLogin(SalLogin salLogin) {
            super("Product", salLogin);
        }

        @Override
        protected Object seraphPrincipal(Principal salPrincipal, String username) {
            return "alice".equals(username) ? productAlice : null;
        }

        @Override
        protected void afterLogin(HttpServletRequest request, HttpSession session, String username, boolean throughSal) {
            afterLogins.add(username + (throughSal ? " through SAL" : " through Seraph's keys"));
        }
    }

    @BeforeEach
    void aliceMayLogIn() {
        when(userManager.resolve("alice")).thenReturn(alice);
        when(controller.canLogin(alice, request)).thenReturn(true);
        when(request.getSession(true)).thenReturn(session);
    }

    @Test
    void theProductsSalListenerEstablishesTheLoginInANewSsoSession() {
        login.logIn(request, response, new HostUser("alice", "Alice", "alice@example.com", true));

        InOrder order = inOrder(controller, request, session, listener);
        order.verify(controller).canLogin(alice, request);
        order.verify(request).getSession(true);
        order.verify(session).setAttribute(SalLogin.SSO_SESSION_ATTRIBUTE, Boolean.TRUE);
        order.verify(listener).authenticationSuccess(any(), any(), any());
        verify(session, never()).setAttribute(org.mockito.ArgumentMatchers.eq(LOGGED_IN), any());
        assertThat(afterLogins).containsExactly("alice through SAL");
    }

    @Test
    void withoutAListenerThatLinksSeraphsTwoKeysAreWritten() {
        doThrow(new NoSuchMethodError("authenticationSuccess")).when(listener).authenticationSuccess(any(), any(), any());

        login.logIn(request, response, new HostUser("alice", "Alice", "alice@example.com", true));

        verify(session).setAttribute(LOGGED_IN, productAlice);
        verify(session).setAttribute(LOGGED_IN_USER_ID, "alice");
        verify(session).setAttribute(LOGGED_OUT, null);
        assertThat(afterLogins).containsExactly("alice through Seraph's keys");
    }

    @Test
    void aUserTheProductLostBeforeTheFallbackIsAHostLoginFailure() {
        when(userManager.resolve("bob")).thenReturn(() -> "bob");
        when(controller.canLogin(any(), any())).thenReturn(true);
        doThrow(new NoSuchMethodError("authenticationSuccess")).when(listener).authenticationSuccess(any(), any(), any());

        assertThatThrownBy(() -> login.logIn(request, response, new HostUser("bob", "Bob", "", true)))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HOST_LOGIN_FAILED));
        verify(session, never()).setAttribute(org.mockito.ArgumentMatchers.eq(LOGGED_IN), any());
    }

    @Test
    void aRefusedUserGetsNoSessionAtAll() {
        when(controller.canLogin(alice, request)).thenReturn(false);

        assertThatThrownBy(() -> login.logIn(request, response, new HostUser("alice", "Alice", "", true)))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USER_NOT_PERMITTED));
        verify(request, never()).getSession(true);
        verify(listener, never()).authenticationSuccess(any(), any(), any());
        assertThat(afterLogins).isEmpty();
    }

    @Test
    void aFailingProductStepLeavesTheLoginStanding() {
        ProductLogin failing = new ProductLogin(new SalLogin("Product", userManager, controller, listener)) {
            @Override
            protected void afterLogin(HttpServletRequest request, HttpSession session, String username, boolean throughSal) {
                throw new NoSuchMethodError("onLoginAttempt");
            }
        };

        failing.logIn(request, response, new HostUser("alice", "Alice", "", true));

        verify(listener).authenticationSuccess(any(), any(), any());
        verify(session, never()).invalidate();
    }

    @Test
    void loggedInByEitherSeraphKeyOrBySal() {
        assertThat(login.isLoggedIn(request)).isFalse();

        when(request.getSession(false)).thenReturn(session);
        when(session.getAttribute(LOGGED_IN)).thenReturn(productAlice);
        assertThat(login.isLoggedIn(request)).as("the principal (Seraph's listener writes only this)").isTrue();

        when(session.getAttribute(LOGGED_IN)).thenReturn(null);
        when(session.getAttribute(LOGGED_IN_USER_ID)).thenReturn("alice");
        assertThat(login.isLoggedIn(request)).as("the name (Seraph 4.1 reads it first)").isTrue();

        when(session.getAttribute(LOGGED_OUT)).thenReturn(Boolean.TRUE);
        assertThat(login.isLoggedIn(request)).as("marked logged out").isFalse();

        when(request.getSession(false)).thenReturn(null);
        when(userManager.getRemoteUserKey(request)).thenReturn(new UserKey("alice-key"));
        assertThat(login.isLoggedIn(request)).isTrue();
        verify(request, never()).getSession(true);
        verify(userManager, never()).resolve(anyString());
    }
}
