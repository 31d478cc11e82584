package io.lanyard.core.token;

import static io.lanyard.core.testing.TestIdTokens.CLIENT_ID;
import static io.lanyard.core.testing.TestIdTokens.ISSUER;
import static io.lanyard.core.testing.TestIdTokens.NONCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeySource;
import io.lanyard.core.keys.VerificationKeys;
import io.lanyard.core.testing.MutableClock;
import io.lanyard.core.testing.TestIdTokens;
import io.lanyard.core.testing.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The time rules of OIDC Core §3.1.3.7 (steps 9, 10 and 13) and RFC 7519 §4.1.5 at their edges: what the clock skew
 * tolerates is accepted to the second, one second more is refused with the rule's code. Each test fails when the skew
 * is dropped from its check, when the check always refuses, or when its comparison is off by one.
 */
class IdTokenTimeBoundariesTest {

    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Instant NOW = MutableClock.START;

    private final IdTokenValidator validator = new IdTokenValidator(new MutableClock());
    private final KeySource keys = VerificationKeys.from(new JWKSet(List.of(TestKeys.RSA)), "test")::candidatesFor;
    private Optional<Duration> maxAge = Optional.empty();

    private IdTokenExpectations expectations() {
        return new IdTokenExpectations(ISSUER, CLIENT_ID, Set.of(), NONCE, Set.of("RS256"), SKEW, maxAge, List.of(),
                Optional.empty());
    }

    private void assertAccepted(TestIdTokens token) {
        assertThat(validator.validate(token.sign(), expectations(), keys).subject()).isEqualTo("248289761001");
    }

    private void assertRefused(TestIdTokens token, ErrorCode expected) {
        assertThatThrownBy(() -> validator.validate(token.sign(), expectations(), keys))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.failures())
                        .extracting(ValidationFailure::code).containsExactly(expected));
    }

    // --- step 9: exp, with the skew ---

    @Test
    void expiredLessThanTheSkewAgoIsAccepted() {
        assertAccepted(TestIdTokens.valid().expiresAt(NOW.minus(SKEW).plusSeconds(1)));
    }

    @Test
    void expiredExactlyTheSkewAgoIsRefused() {
        assertRefused(TestIdTokens.valid().expiresAt(NOW.minus(SKEW)), ErrorCode.ID_TOKEN_EXPIRED);
    }

    // --- step 10: iat, with the skew ---

    @Test
    void issuedNowIsAccepted() {
        assertAccepted(TestIdTokens.valid().issuedAt(NOW));
    }

    @Test
    void issuedInTheFutureWithinTheSkewIsAccepted() {
        assertAccepted(TestIdTokens.valid().issuedAt(NOW.plusSeconds(30)));
    }

    @Test
    void issuedInTheFutureByExactlyTheSkewIsAccepted() {
        assertAccepted(TestIdTokens.valid().issuedAt(NOW.plus(SKEW)));
    }

    @Test
    void issuedInTheFutureOneSecondBeyondTheSkewIsRefused() {
        assertRefused(TestIdTokens.valid().issuedAt(NOW.plus(SKEW).plusSeconds(1)), ErrorCode.ID_TOKEN_ISSUED_IN_FUTURE);
    }

    @Test
    void issuedLongAgoButNotExpiredIsAccepted() {
        assertAccepted(TestIdTokens.valid().issuedAt(NOW.minus(Duration.ofHours(1))));
    }

    // --- RFC 7519 §4.1.5: nbf, with the skew ---

    @Test
    void notBeforeExactlyTheSkewAheadIsAccepted() {
        assertAccepted(TestIdTokens.valid().claim("nbf", NOW.plus(SKEW).getEpochSecond()));
    }

    @Test
    void notBeforeOneSecondBeyondTheSkewIsRefused() {
        assertRefused(TestIdTokens.valid().claim("nbf", NOW.plus(SKEW).plusSeconds(1).getEpochSecond()),
                ErrorCode.ID_TOKEN_NOT_YET_VALID);
    }

    @Test
    void notBeforeInThePastIsAccepted() {
        assertAccepted(TestIdTokens.valid().claim("nbf", NOW.minusSeconds(600).getEpochSecond()));
    }

    // --- step 13: auth_time against max_age, with the skew ---

    @Test
    void authenticationJustNowIsAcceptedWhenMaxAgeWasRequested() {
        maxAge = Optional.of(MAX_AGE);

        assertAccepted(TestIdTokens.valid().claim("auth_time", NOW.minusSeconds(10).getEpochSecond()));
    }

    @Test
    void authenticationExactlyMaxAgePlusSkewAgoIsAccepted() {
        maxAge = Optional.of(MAX_AGE);

        assertAccepted(TestIdTokens.valid().claim("auth_time", NOW.minus(MAX_AGE).minus(SKEW).getEpochSecond()));
    }

    @Test
    void authenticationOneSecondOlderThanMaxAgePlusSkewIsRefused() {
        maxAge = Optional.of(MAX_AGE);

        assertRefused(TestIdTokens.valid().claim("auth_time", NOW.minus(MAX_AGE).minus(SKEW).minusSeconds(1).getEpochSecond()),
                ErrorCode.ID_TOKEN_AUTH_TOO_OLD);
    }

    @Test
    void authTimeIsNotRequiredWhenNoMaxAgeWasRequested() {
        assertAccepted(TestIdTokens.valid().claim("auth_time", NOW.minus(Duration.ofDays(30)).getEpochSecond()));
    }
}
