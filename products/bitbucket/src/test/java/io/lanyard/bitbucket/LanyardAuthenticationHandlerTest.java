package io.lanyard.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.bitbucket.auth.AuthenticationResult;
import com.atlassian.bitbucket.auth.ExpiredAuthenticationException;
import com.atlassian.bitbucket.auth.HttpAuthenticationContext;
import com.atlassian.bitbucket.auth.HttpAuthenticationSuccessContext;
import com.atlassian.bitbucket.i18n.I18nService;
import com.atlassian.bitbucket.i18n.KeyedMessage;
import com.atlassian.bitbucket.user.ApplicationUser;
import com.atlassian.bitbucket.user.UserService;
import com.atlassian.sal.api.auth.AuthenticationController;
import com.atlassian.sal.api.auth.AuthenticationListener;
import com.atlassian.sal.api.user.UserManager;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.sal.SalLogin;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LanyardAuthenticationHandlerTest {

    private final UserService userService = mock(UserService.class);
    private final I18nService i18n = mock(I18nService.class);
    private final UserManager salUserManager = mock(UserManager.class);
    private final LanyardAuthenticationHandler handler = new LanyardAuthenticationHandler(userService, i18n, salUserManager);
    private final AuthenticationController controller = mock(AuthenticationController.class);
    private final BitbucketSessionLogin sessionLogin = new BitbucketSessionLogin(
            new SalLogin("Bitbucket", salUserManager, controller, mock(AuthenticationListener.class)));
    private final Principal salAlice = () -> "alice";
    private final ApplicationUser alice = mock(ApplicationUser.class);
    private final Map<String, Object> sessionAttributes = new HashMap<>();
    private final HttpSession session = mock(HttpSession.class);

    @BeforeEach
    void aliceExists() {
        when(alice.getName()).thenReturn("alice");
        when(alice.isActive()).thenReturn(true);
        when(userService.getUserByName("alice")).thenReturn(alice);
        when(salUserManager.resolve("alice")).thenReturn(salAlice);
        when(controller.canLogin(org.mockito.ArgumentMatchers.eq(salAlice), any())).thenReturn(true);
        when(session.getAttribute(anyString())).thenAnswer(call -> sessionAttributes.get(call.<String>getArgument(0)));
        org.mockito.Mockito.doAnswer(call -> sessionAttributes.put(call.getArgument(0), call.getArgument(1)))
                .when(session).setAttribute(anyString(), any());
        org.mockito.Mockito.doAnswer(call -> sessionAttributes.remove(call.<String>getArgument(0)))
                .when(session).removeAttribute(anyString());
        when(i18n.getKeyedText(anyString(), anyString(), any(Object[].class)))
                .thenAnswer(call -> new KeyedMessage(call.getArgument(0), call.getArgument(1), call.getArgument(1)));
    }

    private HttpServletRequest request(String remoteUser) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        Map<String, Object> attributes = new HashMap<>();
        when(request.getSession(false)).thenReturn(session);
        when(request.getSession(true)).thenReturn(session);
        when(request.getSession()).thenReturn(session);
        when(request.getRemoteUser()).thenReturn(remoteUser);
        when(request.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        org.mockito.Mockito.doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1)))
                .when(request).setAttribute(anyString(), any());
        return request;
    }

    private static HttpAuthenticationContext context(HttpServletRequest request) {
        HttpAuthenticationContext context = mock(HttpAuthenticationContext.class);
        when(context.getRequest()).thenReturn(request);
        return context;
    }

    private static HttpAuthenticationSuccessContext success(HttpServletRequest request) {
        HttpAuthenticationSuccessContext context = mock(HttpAuthenticationSuccessContext.class);
        when(context.getRequest()).thenReturn(request);
        return context;
    }

    @Test
    void theVerifiedUserIsAuthenticatedOnce() {
        sessionLogin.logIn(request(null), mock(HttpServletResponse.class), new HostUser("alice", "Alice", "", true));
        HttpServletRequest next = request(null);

        AuthenticationResult result = handler.performAuthentication(context(next));

        assertThat(result.getUser()).isSameAs(alice);
        assertThat(handler.performAuthentication(context(request(null)))).as("consumed").isNull();
    }

    @Test
    void theAccountOfALanyardBearerTokenIsAuthenticatedForThatRequestWithoutTheSession() throws Exception {
        HttpServletRequest request = request(null);
        javax.servlet.FilterChain chain = (req, res) -> {
            AuthenticationResult result = handler.performAuthentication(context((HttpServletRequest) req));
            assertThat(result.getUser()).isSameAs(alice);
            assertThat(handler.onAuthenticationSuccess(success((HttpServletRequest) req))).isFalse();
        };
        new BitbucketRequestLogin().proceedAs("alice", request, mock(HttpServletResponse.class), chain);

        org.mockito.Mockito.verifyNoInteractions(session);
        assertThat(handler.performAuthentication(context(request(null)))).as("another request").isNull();
    }

    @Test
    void aBearerAccountThatIsInactiveIsNotAuthenticated() {
        when(alice.isActive()).thenReturn(false);
        HttpServletRequest request = request(null);
        request.setAttribute(BitbucketRequestLogin.BEARER_USERNAME, "alice");
        assertThat(handler.performAuthentication(context(request))).isNull();
    }

    @Test
    void withoutAVerifiedUserTheRequestIsNotOurs() {
        assertThat(handler.performAuthentication(context(request(null)))).isNull();
        HttpServletRequest noSession = mock(HttpServletRequest.class);
        assertThat(handler.performAuthentication(context(noSession))).isNull();
        assertThat(handler.authenticate(context(noSession))).isNull();
    }

    @Test
    void anInactiveUserIsNotLoggedIn() {
        when(alice.isActive()).thenReturn(false);
        sessionAttributes.put(LanyardAuthenticationHandler.VERIFIED_USERNAME, "alice");

        assertThat(handler.performAuthentication(context(request(null)))).isNull();
        assertThat(sessionAttributes).doesNotContainKey(LanyardAuthenticationHandler.VERIFIED_USERNAME);
    }

    @Test
    void successRemembersTheSsoIdentityWithoutWritingTheResponse() {
        sessionAttributes.put(LanyardAuthenticationHandler.VERIFIED_USERNAME, "alice");
        HttpServletRequest next = request(null);
        handler.performAuthentication(context(next));

        assertThat(handler.onAuthenticationSuccess(success(next))).isFalse();

        assertThat(sessionAttributes).containsEntry(LanyardAuthenticationHandler.SSO_IDENTITY, "alice");
    }

    @Test
    void successOfAnotherHandlerLeavesNoSsoIdentity() {
        assertThat(handler.onAuthenticationSuccess(success(request(null)))).isFalse();

        assertThat(sessionAttributes).isEmpty();
    }

    @Test
    void aSessionStillBelongingToItsSsoUserIsValid() {
        sessionAttributes.put(LanyardAuthenticationHandler.SSO_IDENTITY, "alice");

        handler.validateAuthentication(context(request("alice")));
        handler.validateAuthentication(context(request(null)));

        assertThat(sessionAttributes).containsKey(LanyardAuthenticationHandler.SSO_IDENTITY);
    }

    @Test
    void aSessionNowBelongingToSomeoneElseIsExpired() {
        sessionAttributes.put(LanyardAuthenticationHandler.SSO_IDENTITY, "alice");

        assertThatThrownBy(() -> handler.validateAuthentication(context(request("mallory"))))
                .isInstanceOf(ExpiredAuthenticationException.class);
        assertThat(sessionAttributes).isEmpty();
        verify(i18n).getKeyedText(org.mockito.ArgumentMatchers.eq(LanyardAuthenticationHandler.IDENTITY_MISMATCH_KEY),
                anyString(), any(Object[].class));
    }

    @Test
    void withoutTheExpiryExceptionTheSessionIsInvalidated() {
        sessionAttributes.put(LanyardAuthenticationHandler.SSO_IDENTITY, "alice");
        when(i18n.getKeyedText(anyString(), anyString(), any(Object[].class))).thenThrow(new NoClassDefFoundError("KeyedMessage"));

        handler.validateAuthentication(context(request("mallory")));

        verify(session).invalidate();
    }

    @Test
    void logoutForgetsTheSsoIdentity() {
        sessionAttributes.put(LanyardAuthenticationHandler.SSO_IDENTITY, "alice");
        sessionAttributes.put(LanyardAuthenticationHandler.VERIFIED_USERNAME, "alice");

        handler.logout(alice, request("alice"), mock(HttpServletResponse.class));

        assertThat(sessionAttributes).isEmpty();
    }

    @Test
    void aPendingVerifiedUserCountsAsLoggedInSoNoSecondLoginStarts() {
        HttpServletRequest request = request(null);
        assertThat(sessionLogin.isLoggedIn(request)).isFalse();

        sessionAttributes.put(LanyardAuthenticationHandler.VERIFIED_USERNAME, "alice");

        assertThat(sessionLogin.isLoggedIn(request)).isTrue();
    }

    @Test
    void aUserBitbucketDoesNotLetInIsRefusedBeforeAnythingIsLeftForTheHandler() {
        when(controller.canLogin(org.mockito.ArgumentMatchers.eq(salAlice), any())).thenReturn(false);
        HttpServletRequest callback = request(null);

        assertThatThrownBy(() -> sessionLogin.logIn(callback, mock(HttpServletResponse.class),
                new HostUser("alice", "Alice", "alice@example.com", true)))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USER_NOT_PERMITTED));
        assertThat(sessionAttributes).isEmpty();
    }
}
