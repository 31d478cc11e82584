package io.lanyard.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
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

/**
 * The key set's limits: at most {@value JwksSource#MAX_KEYS} keys (more is a hostile set, {@code LNY-204}), and a
 * held key set is not fetched again for a {@code kid} it already has, however often it is asked, until it expires.
 */
class JwksSourceLimitsTest {

    private final MutableClock clock = new MutableClock();
    private final FakeProvider provider = FakeProvider.start(clock);
    private final JwksSource keys = new JwksSource(URI.create(provider.issuer() + "/jwks"),
            new ProviderHttpClient(new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 256 * 1024)), clock);

    @AfterEach
    void stop() {
        provider.close();
    }

    private static List<JWK> ecKeys(int count) {
        List<JWK> set = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            set.add(new ECKey.Builder(TestKeys.EC.toPublicJWK()).keyID("ec-" + i).build());
        }
        return set;
    }

    private static JWSHeader es256(String keyId) {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build();
    }

    @Test
    void aKeySetOfExactlyTheLimitIsUsed() {
        provider.keys = ecKeys(JwksSource.MAX_KEYS);

        assertThat(keys.candidatesFor(es256("ec-" + (JwksSource.MAX_KEYS - 1)), KeyRefetch.RATE_LIMITED)).hasSize(1);
    }

    @Test
    void aKeySetOfOneKeyMoreThanTheLimitIsRefusedAsInvalid() {
        provider.keys = ecKeys(JwksSource.MAX_KEYS + 1);

        assertThatThrownBy(() -> keys.candidatesFor(es256("ec-0"), KeyRefetch.RATE_LIMITED))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.JWKS_INVALID));
    }

    @Test
    void aKnownKidNeverCausesAnotherFetchWhileTheKeysAreHeld() {
        provider.keys = List.of(TestKeys.EC);
        keys.candidatesFor(es256("ec-1"), KeyRefetch.RATE_LIMITED);
        clock.advance(JwksSource.MIN_FETCH_INTERVAL.plusSeconds(1));

        assertThat(keys.candidatesFor(es256("ec-1"), KeyRefetch.RATE_LIMITED)).hasSize(1);
        assertThat(keys.candidatesFor(es256("ec-1"), KeyRefetch.RATE_LIMITED)).hasSize(1);

        assertThat(provider.jwksRequests).hasValue(1);
        assertThat(keys.fetchCount()).isEqualTo(1);
    }
}
