package io.lanyard.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.testing.FakeProvider;
import io.lanyard.core.testing.MutableClock;
import io.lanyard.core.testing.TestKeys;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JwksSourceTest {

    private final MutableClock clock = new MutableClock();
    private final FakeProvider provider = FakeProvider.start(clock);
    private final JwksSource keys = new JwksSource(URI.create(provider.issuer() + "/jwks"),
            new ProviderHttpClient(new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), 16 * 1024)), clock);

    @AfterEach
    void stop() {
        provider.close();
    }

    private static JWSHeader rs256(String keyId) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build();
    }

    @Test
    void candidatesWhenKeyIdKnownThenFetchedOnceAndCached() {
        assertThat(keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED)).hasSize(1);
        assertThat(keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED)).hasSize(1);

        assertThat(provider.jwksRequests).hasValue(1);
    }

    @Test
    void candidatesWhenKeyIdUnknownThenRefetchesOnceAndFindsRotatedKey() {
        keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED);
        provider.keys = List.of(TestKeys.OTHER_RSA);
        clock.advance(JwksSource.MIN_FETCH_INTERVAL.plusSeconds(1));

        assertThat(keys.candidatesFor(rs256("rsa-2"), KeyRefetch.RATE_LIMITED)).hasSize(1);
        assertThat(provider.jwksRequests).hasValue(2);
    }

    @Test
    void candidatesWhenFloodOfBogusKeyIdsThenAtMostOneFetchPerInterval() {
        keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED);
        clock.advance(JwksSource.MIN_FETCH_INTERVAL.plusSeconds(1));

        for (int i = 0; i < 50; i++) {
            assertThat(keys.candidatesFor(rs256("bogus-" + i), KeyRefetch.RATE_LIMITED)).isEmpty();
        }

        assertThat(provider.jwksRequests).hasValue(2);
    }

    @Test
    void candidatesWhenEndpointDownAfterTimeToLiveThenKeepsServingHeldKeys() throws InterruptedException {
        keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED);
        provider.jwksStatus = 503;
        clock.advance(JwksSource.TIME_TO_LIVE.plusMinutes(1));

        assertThat(keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED)).hasSize(1);
        // the refresh runs in the background, after the held keys were handed out
        awaitRequests(2);
        assertThat(keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED)).hasSize(1);
    }

    @Test
    void candidatesWhenTokenFromTheProviderNamesAnUnknownKidThenRefetchesAtOnceHoweverRecentTheLastFetch() {
        keys.candidatesFor(rs256("rsa-1"), KeyRefetch.AT_ONCE);
        provider.keys = List.of(TestKeys.OTHER_RSA); // rotated a moment after Lanyard fetched the set

        assertThat(keys.candidatesFor(rs256("rsa-2"), KeyRefetch.AT_ONCE)).hasSize(1);
        assertThat(provider.jwksRequests).hasValue(2);
    }

    @Test
    void candidatesWhenTokenAClientPresentsNamesAnUnknownKidSoonAfterAFetchThenNoRefetch() {
        keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED);
        provider.keys = List.of(TestKeys.OTHER_RSA);

        assertThat(keys.candidatesFor(rs256("rsa-2"), KeyRefetch.RATE_LIMITED)).isEmpty();
        assertThat(provider.jwksRequests).hasValue(1);
    }

    private void awaitRequests(int expected) throws InterruptedException {
        for (int i = 0; i < 100 && provider.jwksRequests.get() < expected; i++) {
            Thread.sleep(20);
        }
        assertThat(provider.jwksRequests).hasValue(expected);
    }

    @Test
    void candidatesWhenEndpointBackAfterOutageThenFreshKeysWithoutRestart() {
        provider.jwksStatus = 503;
        assertThatThrownBy(() -> keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED))
                .isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.JWKS_UNREACHABLE);
        provider.jwksStatus = 200;
        clock.advance(JwksSource.MIN_FETCH_INTERVAL.plusSeconds(1));

        assertThat(keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED)).hasSize(1);
    }

    @Test
    void candidatesWhenNeverFetchedAndEndpointDownThenJwksUnreachable() {
        provider.close();

        assertThatThrownBy(() -> keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED))
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.JWKS_UNREACHABLE);
    }

    @Test
    void candidatesWhenKeySetLargerThanLimitThenRefusedAsTooLarge() {
        List<JWK> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(TestKeys.RSA);
        }
        provider.keys = many;

        assertThatThrownBy(() -> keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED))
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.HTTP_RESPONSE_TOO_LARGE);
    }

    @Test
    void candidatesWhenEndpointTooSlowThenJwksUnreachable() {
        provider.delayMillis = 1500;

        assertThatThrownBy(() -> keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED))
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.JWKS_UNREACHABLE);
    }

    @Test
    void candidatesWhenAlgorithmDoesNotFitKeyTypeThenNoCandidate() {
        assertThat(keys.candidatesFor(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("rsa-1").build(),
                KeyRefetch.RATE_LIMITED)).isEmpty();
    }

    @Test
    void candidatesWhenPublishedKeyPinsAnotherAlgorithmThenNotUsed() {
        provider.keys = List.of(new com.nimbusds.jose.jwk.RSAKey.Builder(TestKeys.RSA.toPublicJWK())
                .algorithm(JWSAlgorithm.PS256).build());

        assertThat(keys.candidatesFor(rs256("rsa-1"), KeyRefetch.RATE_LIMITED)).isEmpty();
    }
}
