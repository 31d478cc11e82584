package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.testing.TestIdTokens;
import io.lanyard.core.testing.TestKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Userinfo (OIDC Core §5.3) when the provider signs it ({@code application/jwt}, §5.3.2): verified like an ID token,
 * its {@code iss} and {@code aud}, when present, must be the provider's and ours; and the ways a configured userinfo
 * cannot be read at all.
 */
class LoginServiceSignedUserInfoTest {

    private final FakeProviderLogins logins = new FakeProviderLogins();

    @AfterEach
    void stop() {
        logins.close();
    }

    private void useSignedUserInfo() {
        logins.reconfigure(b -> b.useUserInfo(true).usernameClaim("login"));
        logins.provider.userInfoClaims = Map.of("login", "bob");
    }

    /** A login whose signed userinfo response {@code change} makes: refused with {@code expected}. */
    private void assertRefusedWhenSigned(Consumer<TestIdTokens> change, ErrorCode expected) {
        useSignedUserInfo();
        logins.provider.signedUserInfo = change;

        logins.assertLoginFails("someone", expected);
    }

    @Test
    void signedUserInfoFromTheProviderForUsIsVerifiedAndItsClaimsMapTheUser() {
        useSignedUserInfo();
        logins.provider.signedUserInfo = token -> { };

        assertThat(logins.logIn("someone").user().username()).isEqualTo("bob");
        assertThat(logins.provider.userInfoRequests).hasValue(1);
    }

    @Test
    void signedUserInfoWithoutIssAndAudIsAccepted() {
        useSignedUserInfo();
        logins.provider.signedUserInfo = token -> token.without("iss").without("aud");

        assertThat(logins.logIn("someone").user().username()).isEqualTo("bob");
    }

    @Test
    void signedUserInfoOfAnotherIssuerIsRefused() {
        assertRefusedWhenSigned(token -> token.claim("iss", "https://attacker.example"), ErrorCode.USERINFO_INVALID);
    }

    @Test
    void signedUserInfoForAnotherClientIsRefused() {
        assertRefusedWhenSigned(token -> token.audience("another-client"), ErrorCode.USERINFO_INVALID);
    }

    @Test
    void signedUserInfoSignedByAnotherKeyIsRefused() {
        assertRefusedWhenSigned(token -> token.signedWith(
                new com.nimbusds.jose.jwk.RSAKey.Builder(TestKeys.OTHER_RSA).keyID(TestKeys.RSA.getKeyID()).build(),
                com.nimbusds.jose.JWSAlgorithm.RS256), ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void signedUserInfoOfAnotherSubjectIsRefused() {
        assertRefusedWhenSigned(token -> token.claim("sub", "somebody-else"), ErrorCode.USERINFO_SUBJECT_MISMATCH);
    }

    @Test
    void userInfoConfiguredButNotAnnouncedByTheProviderIsAConfigurationError() {
        logins.reconfigure(b -> b.useUserInfo(true));
        logins.provider.discoveryCustomizer = document -> {
            Map<String, Object> copy = new LinkedHashMap<>(document);
            copy.remove("userinfo_endpoint");
            return copy;
        };

        logins.assertLoginFails("alice", ErrorCode.DISCOVERY_INVALID);
        assertThat(logins.provider.userInfoRequests).hasValue(0);
    }

    @Test
    void userInfoConfiguredButNoAccessTokenIssuedIsAnUnusableTokenResponse() {
        logins.reconfigure(b -> b.useUserInfo(true));
        logins.provider.omitAccessToken = true;

        logins.assertLoginFails("alice", ErrorCode.TOKEN_RESPONSE_INVALID);
        assertThat(logins.provider.userInfoRequests).hasValue(0);
    }
}
