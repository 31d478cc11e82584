package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.testing.FakeProvider;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 9207 §2.4: the {@code iss} of an authorization response is checked before anything in the response is used,
 * error responses included (§2.4 names them: an attacker's provider could otherwise show its own error under ours).
 * So an {@code error=} response with a wrong or a missing {@code iss} fails the issuer check, not as the provider's
 * error; and an error response that passes it is the provider's error.
 */
class LoginServiceErrorResponseIssuerTest {

    private static final String IDP = FakeProviderLogins.IDP;

    private final FakeProviderLogins logins = new FakeProviderLogins();
    private final FakeProvider provider = logins.provider;
    private final LoginService service = logins.service;

    @AfterEach
    void stop() {
        logins.close();
    }

    private void announceIssuerParameter() {
        provider.discoveryCustomizer = document -> {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>(document);
            copy.put("authorization_response_iss_parameter_supported", true);
            return copy;
        };
    }

    private LoginFailedException errorResponse(String issuer) {
        PendingLogin pending = service.startLogin(IDP, "/").pendingLogin();
        AuthorizationResponse response = AuthorizationResponse.of(pending.state(), null, issuer, "access_denied",
                "denied by the policy of the provider");
        return (LoginFailedException) catchThrowable(
                () -> service.completeLogin(IDP, pending, response));
    }

    @Test
    void errorResponseFromAnotherIssuerFailsTheIssuerCheckNotAsTheProvidersError() {
        LoginFailedException failure = errorResponse("https://attacker.example");

        assertThat(failure.errorCode()).isEqualTo(ErrorCode.RESPONSE_ISSUER_MISMATCH);
        assertThat(failure.providerError()).isEmpty();
    }

    @Test
    void errorResponseWithoutIssWhenTheProviderAnnouncesItFailsTheIssuerCheck() {
        announceIssuerParameter();

        LoginFailedException failure = errorResponse(null);

        assertThat(failure.errorCode()).isEqualTo(ErrorCode.RESPONSE_ISSUER_MISSING);
        assertThat(failure.providerError()).isEmpty();
    }

    @Test
    void errorResponseWithTheRightIssIsTheProvidersError() {
        announceIssuerParameter();

        LoginFailedException failure = errorResponse(provider.issuer());

        assertThat(failure.errorCode()).isEqualTo(ErrorCode.IDP_ERROR_RESPONSE);
        assertThat(failure.providerError()).contains("access_denied");
    }

    @Test
    void errorResponseWithoutIssFromAProviderThatDoesNotAnnounceItIsTheProvidersError() {
        LoginFailedException failure = errorResponse(null);

        assertThat(failure.errorCode()).isEqualTo(ErrorCode.IDP_ERROR_RESPONSE);
        assertThat(provider.tokenRequests).hasValue(0);
    }

    @Test
    void anErrorResponseNeverReachesTheTokenEndpointEvenWithACode() {
        PendingLogin pending = service.startLogin(IDP, "/").pendingLogin();

        assertThatThrownBy(() -> service.completeLogin(IDP, pending, AuthorizationResponse.of(pending.state(),
                "a-code", provider.issuer(), "server_error", null)))
                .isInstanceOfSatisfying(LoginFailedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.IDP_ERROR_RESPONSE));
        assertThat(provider.tokenRequests).hasValue(0);
    }
}
