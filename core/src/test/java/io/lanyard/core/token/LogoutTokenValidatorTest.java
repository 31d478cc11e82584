package io.lanyard.core.token;

import static io.lanyard.core.testing.TestIdTokens.CLIENT_ID;
import static io.lanyard.core.testing.TestIdTokens.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeyRefetch;
import io.lanyard.core.keys.KeySource;
import io.lanyard.core.keys.VerificationKeys;
import io.lanyard.core.testing.MutableClock;
import io.lanyard.core.testing.TestIdTokens;
import io.lanyard.core.testing.TestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per rule of Back-Channel Logout 1.0 §2.4 and §2.6, each asserting its stable error code. */
class LogoutTokenValidatorTest {

    private final MutableClock clock = new MutableClock();
    private final LogoutTokenValidator validator = new LogoutTokenValidator(clock);
    private final List<KeyRefetch> refetches = new ArrayList<>();
    private final KeySource keys = (header, refetch) -> {
        refetches.add(refetch);
        return VerificationKeys.from(new JWKSet(List.of(TestKeys.RSA, TestKeys.EC)), "test").candidatesFor(header);
    };
    private IdentityProviderConfig provider = IdentityProviderConfig.builder().id("idp1").displayName("IdP")
            .discoveryUrl(ISSUER + "/.well-known/openid-configuration").clientId(CLIENT_ID).build();

    private ValidatedLogoutToken validate(TestIdTokens token) {
        return validator.validate(token.sign(), provider, Optional.empty(), keys);
    }

    private void assertRejected(TestIdTokens token, ErrorCode expected) {
        assertRejected(token.sign(), expected);
    }

    private void assertRejected(String raw, ErrorCode expected) {
        assertThatThrownBy(() -> validator.validate(raw, provider, Optional.empty(), keys))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> {
                    assertThat(e.failures()).extracting(ValidationFailure::code).contains(expected);
                    assertThat(e.errorCode()).isEqualTo(expected);
                });
    }

    @Test
    void validateWhenTokenIsValidThenReturnsWhomItLogsOut() {
        ValidatedLogoutToken token = validate(TestIdTokens.logoutToken().claim("jti", "jti-1"));

        assertThat(token.issuer()).isEqualTo(ISSUER);
        assertThat(token.subject()).contains("248289761001");
        assertThat(token.sessionId()).contains("08a5019c-17e1-4977-8f42-65a12843ea02");
        assertThat(token.tokenId()).isEqualTo("jti-1");
        assertThat(token.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(120));
    }

    @Test
    void validateWhenKeyIdUnknownThenRefetchIsRateLimited() {
        // Anyone can post a logout token: a bogus kid must not make the provider's keys be fetched at will.
        assertRejected(TestIdTokens.logoutToken().keyId("unknown-kid"), ErrorCode.LOGOUT_TOKEN_KEY_NOT_FOUND);
        assertThat(refetches).containsOnly(KeyRefetch.RATE_LIMITED);
    }

    @Test
    void validateWhenTypIsJwtOrAbsentThenAccepted() {
        assertThat(validate(TestIdTokens.logoutToken().type("JWT")).tokenId()).isNotBlank();
        assertThat(validate(TestIdTokens.logoutToken().type("application/logout+jwt")).tokenId()).isNotBlank();
    }

    @Test
    void validateWhenTypIsAnotherTokensThenTypeRejected() {
        assertRejected(TestIdTokens.logoutToken().type("at+jwt"), ErrorCode.LOGOUT_TOKEN_TYPE_REJECTED);
    }

    @Test
    void validateWhenNotAJwtThenMalformed() {
        assertRejected("not-a-token", ErrorCode.LOGOUT_TOKEN_MALFORMED);
    }

    @Test
    void validateWhenAlgorithmNotAllowedThenAlgorithmRejected() {
        assertRejected(TestIdTokens.logoutToken().signedWith(TestKeys.EC, JWSAlgorithm.ES256),
                ErrorCode.LOGOUT_TOKEN_ALGORITHM_REJECTED);
    }

    @Test
    void validateWhenSignedByAnotherKeyThenSignatureInvalid() {
        assertRejected(TestIdTokens.logoutToken().signedWith(TestKeys.OTHER_RSA, JWSAlgorithm.RS256)
                .keyId(TestKeys.RSA.getKeyID()), ErrorCode.LOGOUT_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void validateWhenIssuerIsAnotherThenIssuerMismatch() {
        assertRejected(TestIdTokens.logoutToken().claim("iss", "https://evil.example.com"),
                ErrorCode.LOGOUT_TOKEN_ISSUER_MISMATCH);
    }

    @Test
    void validateWhenAudienceLacksClientIdThenAudienceMismatch() {
        assertRejected(TestIdTokens.logoutToken().audience("another-client"), ErrorCode.LOGOUT_TOKEN_AUDIENCE_MISMATCH);
    }

    @Test
    void validateWhenAudienceHasAnUntrustedOneThenAudienceMismatch() {
        assertRejected(TestIdTokens.logoutToken().audience(CLIENT_ID, "another-client"),
                ErrorCode.LOGOUT_TOKEN_AUDIENCE_MISMATCH);
        provider = provider.toBuilder().trustedAudiences(List.of("another-client")).build();
        assertThat(validate(TestIdTokens.logoutToken().audience(CLIENT_ID, "another-client")).tokenId()).isNotBlank();
    }

    @Test
    void validateWhenIssuedAtMissingThenIssuedAtInvalid() {
        assertRejected(TestIdTokens.logoutToken().without("iat"), ErrorCode.LOGOUT_TOKEN_ISSUED_AT_INVALID);
    }

    @Test
    void validateWhenIssuedInTheFutureThenIssuedAtInvalid() {
        assertRejected(TestIdTokens.logoutToken().issuedAt(MutableClock.START.plusSeconds(61))
                .expiresAt(MutableClock.START.plusSeconds(120)), ErrorCode.LOGOUT_TOKEN_ISSUED_AT_INVALID);
    }

    @Test
    void validateWhenExpiredThenExpired() {
        TestIdTokens token = TestIdTokens.logoutToken();
        clock.advance(Duration.ofSeconds(120 + 60));
        assertRejected(token, ErrorCode.LOGOUT_TOKEN_EXPIRED);
    }

    @Test
    void validateWhenExpiryMissingThenLifetimeInvalid() {
        assertRejected(TestIdTokens.logoutToken().without("exp"), ErrorCode.LOGOUT_TOKEN_LIFETIME_INVALID);
    }

    @Test
    void validateWhenLivingLongerThanTenMinutesThenLifetimeInvalid() {
        assertRejected(TestIdTokens.logoutToken().expiresAt(MutableClock.START.plus(Duration.ofMinutes(11))),
                ErrorCode.LOGOUT_TOKEN_LIFETIME_INVALID);
    }

    @Test
    void validateWhenNeitherSubNorSidThenSubjectMissing() {
        assertRejected(TestIdTokens.logoutToken().without("sub").without("sid"), ErrorCode.LOGOUT_TOKEN_SUBJECT_MISSING);
    }

    @Test
    void validateWhenOnlySubOrOnlySidThenAccepted() {
        assertThat(validate(TestIdTokens.logoutToken().without("sid")).sessionId()).isEmpty();
        assertThat(validate(TestIdTokens.logoutToken().without("sub")).subject()).isEmpty();
    }

    @Test
    void validateWhenEventsMissingThenEventsInvalid() {
        assertRejected(TestIdTokens.logoutToken().without("events"), ErrorCode.LOGOUT_TOKEN_EVENTS_INVALID);
    }

    @Test
    void validateWhenEventsLackTheBackChannelMemberThenEventsInvalid() {
        assertRejected(TestIdTokens.logoutToken().claim("events", Map.of("urn:other", Map.of())),
                ErrorCode.LOGOUT_TOKEN_EVENTS_INVALID);
    }

    @Test
    void validateWhenBackChannelMemberIsNotAnObjectThenEventsInvalid() {
        assertRejected(TestIdTokens.logoutToken().claim("events",
                Map.of(LogoutTokenValidator.BACK_CHANNEL_LOGOUT_EVENT, "yes")), ErrorCode.LOGOUT_TOKEN_EVENTS_INVALID);
    }

    @Test
    void validateWhenNonceIsPresentThenNoncePresent() {
        // An ID token (which has a nonce) posted as a logout token is refused.
        assertRejected(TestIdTokens.logoutToken().claim("nonce", "n-1"), ErrorCode.LOGOUT_TOKEN_NONCE_PRESENT);
    }

    @Test
    void validateWhenJtiMissingThenJtiMissing() {
        assertRejected(TestIdTokens.logoutToken().without("jti"), ErrorCode.LOGOUT_TOKEN_JTI_MISSING);
    }

    @Test
    void validateWhenSubIsANumberThenClaimTypeInvalid() {
        assertRejected(TestIdTokens.logoutToken().claim("sub", 42), ErrorCode.LOGOUT_TOKEN_CLAIM_TYPE_INVALID);
    }

    @Test
    void validateWhenIdTokenIsPostedThenRefusedForItsNonceAndEvents() {
        assertThatThrownBy(() -> validator.validate(TestIdTokens.valid().sign(), provider, Optional.empty(), keys))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.failures())
                        .extracting(ValidationFailure::code).contains(ErrorCode.LOGOUT_TOKEN_NONCE_PRESENT,
                                ErrorCode.LOGOUT_TOKEN_EVENTS_INVALID, ErrorCode.LOGOUT_TOKEN_JTI_MISSING));
    }
}
