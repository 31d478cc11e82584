package io.lanyard.plugin.sal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.exception.InactiveAccountException;
import com.atlassian.crowd.exception.runtime.OperationFailedException;
import com.atlassian.crowd.exception.runtime.UserNotFoundException;
import com.atlassian.sal.api.auth.AuthenticationController;
import com.atlassian.sal.api.auth.AuthenticationListener;
import com.atlassian.sal.api.auth.Authenticator;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserResolutionException;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.security.Principal;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** The SAL login of Atlassian's own SSO (docs/host-evidence.md, 1.1): what decides fails closed, what refreshes degrades. */
class SalLoginTest {

    private final UserManager userManager = mock(UserManager.class);
    private final AuthenticationController controller = mock(AuthenticationController.class);
    private final AuthenticationListener listener = mock(AuthenticationListener.class);
    private final CrowdService crowdService = mock(CrowdService.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final Principal alice = () -> "alice";
    private final SalLogin login = new SalLogin("Jira", userManager, controller, listener, crowdService);

    @BeforeEach
    void aliceMayLogIn() {
        when(userManager.resolve("alice")).thenReturn(alice);
        when(controller.canLogin(alice, request)).thenReturn(true);
    }

    @Test
    void permittedPrincipalRefreshesTheUserThenResolvesItThenAsksWhetherItMayLogIn() throws Exception {
        assertThat(login.permittedPrincipal("alice", request)).isSameAs(alice);

        InOrder order = inOrder(crowdService, userManager, controller);
        order.verify(crowdService).userAuthenticated("alice");
        order.verify(userManager).resolve("alice");
        order.verify(controller).canLogin(alice, request);
        verifyNoInteractions(listener);
    }

    @Test
    void aUserTheProductDoesNotLetInIsRefusedWithItsOwnCodeAndNoSessionIsTouched() {
        when(controller.canLogin(alice, request)).thenReturn(false);

        assertThatThrownBy(() -> login.permittedPrincipal("alice", request)).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USER_NOT_PERMITTED));
        assertThat(ErrorCode.USER_NOT_PERMITTED.httpStatus()).isEqualTo(403);
        verify(request, org.mockito.Mockito.never()).getSession(org.mockito.ArgumentMatchers.anyBoolean());
        verifyNoInteractions(listener);
    }

    @Test
    void aUserSalCannotResolveIsNotFound() {
        when(userManager.resolve("alice")).thenReturn(null);

        assertThatThrownBy(() -> login.permittedPrincipal("alice", request)).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USER_NOT_FOUND));
        verifyNoInteractions(controller);
    }

    @Test
    void aNameSalCannotResolveToOneUserIsAHostLoginFailure() {
        when(userManager.resolve("alice")).thenThrow(new UserResolutionException("two users"));

        assertThatThrownBy(() -> login.permittedPrincipal("alice", request)).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HOST_LOGIN_FAILED));
    }

    @Test
    void aSalWithoutCanLoginFailsClosed() {
        when(controller.canLogin(any(), any())).thenThrow(new NoSuchMethodError("canLogin"));

        assertThatThrownBy(() -> login.permittedPrincipal("alice", request)).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HOST_API_UNAVAILABLE));
    }

    @Test
    void aSalWithoutResolveFailsClosed() {
        when(userManager.resolve("alice")).thenThrow(new NoSuchMethodError("resolve"));

        assertThatThrownBy(() -> login.permittedPrincipal("alice", request)).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HOST_API_UNAVAILABLE));
    }

    @Test
    void aUserTheDirectoryCallsInactiveIsRefusedAsInactive() throws Exception {
        when(crowdService.userAuthenticated("alice")).thenThrow(new InactiveAccountException("alice"));

        assertThatThrownBy(() -> login.permittedPrincipal("alice", request)).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USER_INACTIVE));
        verifyNoInteractions(controller);
    }

    @Test
    void aUserGoneFromTheDirectoryIsNotFound() throws Exception {
        when(crowdService.userAuthenticated("alice")).thenThrow(new UserNotFoundException("alice"));

        assertThatThrownBy(() -> login.permittedPrincipal("alice", request)).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USER_NOT_FOUND));
    }

    @Test
    void aDirectoryThatCannotRefreshTheUserFailsTheLoginAsAtlassiansSsoDoes() throws Exception {
        when(crowdService.userAuthenticated("alice")).thenThrow(new OperationFailedException("LDAP down"));

        assertThatThrownBy(() -> login.permittedPrincipal("alice", request)).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HOST_LOGIN_FAILED));
    }

    @Test
    void aMissingOrDifferentCrowdServiceOnlySkipsTheRefresh() throws Exception {
        when(crowdService.userAuthenticated("alice")).thenThrow(new NoSuchMethodError("userAuthenticated"));
        assertThat(login.permittedPrincipal("alice", request)).isSameAs(alice);

        doThrow(new IllegalStateException("service unavailable")).when(crowdService).userAuthenticated("alice");
        assertThat(login.permittedPrincipal("alice", request)).isSameAs(alice);
    }

    @Test
    void withoutACrowdServiceTheUserIsOnlyResolved() {
        SalLogin bamboo = new SalLogin("Bamboo", userManager, controller, listener);

        assertThat(bamboo.permittedPrincipal("alice", request)).isSameAs(alice);
        verifyNoInteractions(crowdService);
    }

    @Test
    void newSessionEndsTheOldOneAndMarksTheNewOneAsASingleSignOn() {
        HttpSession old = mock(HttpSession.class);
        HttpSession fresh = mock(HttpSession.class);
        when(request.getSession(false)).thenReturn(old);
        when(request.getSession(true)).thenReturn(fresh);
        doThrow(new IllegalStateException("already invalidated")).when(old).invalidate();

        assertThat(SalLogin.newSession(request)).isSameAs(fresh);

        InOrder order = inOrder(old, request, fresh);
        order.verify(old).invalidate();
        order.verify(request).getSession(true);
        order.verify(fresh).setAttribute("com.atlassian.plugins.authentication.userLoggedInWithSso", Boolean.TRUE);
    }

    @Test
    void authenticationSuccessHandsTheListenerASuccessForThePrincipal() {
        assertThat(login.authenticationSuccess(alice, request, response)).isTrue();

        ArgumentCaptor<Authenticator.Result> result = ArgumentCaptor.forClass(Authenticator.Result.class);
        verify(listener).authenticationSuccess(result.capture(), org.mockito.ArgumentMatchers.eq(request),
                org.mockito.ArgumentMatchers.eq(response));
        assertThat(result.getValue()).isInstanceOf(Authenticator.Result.Success.class);
        assertThat(result.getValue().getStatus()).isEqualTo(Authenticator.Result.Status.SUCCESS);
        assertThat(result.getValue().getPrincipal()).isSameAs(alice);
        assertThat(result.getValue().getMessage()).contains("alice");
    }

    @Test
    void aListenerThatDoesNotLinkOrIsMissingReportsFalse() {
        doThrow(new NoSuchMethodError("authenticationSuccess")).when(listener).authenticationSuccess(any(), any(), any());
        assertThat(login.authenticationSuccess(alice, request, response)).isFalse();

        doThrow(new IllegalStateException("service unavailable")).when(listener).authenticationSuccess(any(), any(), any());
        assertThat(login.authenticationSuccess(alice, request, response)).isFalse();
    }
}
