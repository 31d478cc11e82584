package io.lanyard.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.testing.FakeProvider;
import io.lanyard.core.testing.MutableClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderMetadataSourceTest {

    private final MutableClock clock = new MutableClock();
    private final FakeProvider provider = FakeProvider.start(clock);
    private final ProviderHttpClient http =
            new ProviderHttpClient(new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), 16 * 1024));
    private final ProviderMetadataSource metadata =
            new ProviderMetadataSource(provider.issuer(), provider.discoveryUrl(), http, clock);

    @AfterEach
    void stop() {
        provider.close();
    }

    private void serve(UnaryOperator<Map<String, Object>> change) {
        provider.discoveryCustomizer = document -> change.apply(new LinkedHashMap<>(document));
    }

    private void assertFails(ErrorCode expected) {
        assertThatThrownBy(metadata::get).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(expected);
    }

    @Test
    void getWhenDocumentValidThenEndpointsTakenFromIt() {
        ProviderMetadata result = metadata.get();

        assertThat(result.issuer()).isEqualTo(provider.issuer());
        assertThat(result.jwksUri()).hasToString(provider.issuer() + "/jwks");
        assertThat(result.userInfoEndpoint()).isPresent();
        assertThat(result.issuerParameterSupported()).isFalse();
    }

    @Test
    void getWhenIssuerDiffersByTrailingSlashThenRefused() {
        serve(doc -> { doc.put("issuer", provider.issuer() + "/"); return doc; });

        assertFails(ErrorCode.DISCOVERY_ISSUER_MISMATCH);
    }

    @Test
    void getWhenIssuerIsAnotherProviderThenRefused() {
        serve(doc -> { doc.put("issuer", "https://evil.example.com"); return doc; });

        assertFails(ErrorCode.DISCOVERY_ISSUER_MISMATCH);
    }

    @Test
    void getWhenJwksUriMissingThenInvalid() {
        serve(doc -> { doc.remove("jwks_uri"); return doc; });

        assertFails(ErrorCode.DISCOVERY_INVALID);
    }

    @Test
    void getWhenTokenEndpointMissingThenInvalid() {
        serve(doc -> { doc.remove("token_endpoint"); return doc; });

        assertFails(ErrorCode.DISCOVERY_INVALID);
    }

    @Test
    void getWhenEndpointIsPlainHttpOnAnotherHostThenInvalid() {
        serve(doc -> { doc.put("token_endpoint", "http://idp.example.com/token"); return doc; });

        assertFails(ErrorCode.DISCOVERY_INVALID);
    }

    @Test
    void getWhenDocumentIsNotProviderMetadataThenInvalid() {
        serve(doc -> new LinkedHashMap<>(Map.of("not", "metadata")));

        assertFails(ErrorCode.DISCOVERY_INVALID);
    }

    @Test
    void getWhenProviderAnswers404ThenUnreachable() {
        provider.discoveryStatus = 404;

        assertFails(ErrorCode.DISCOVERY_UNREACHABLE);
    }

    @Test
    void getWhenNothingListensThenUnreachable() {
        provider.close();

        assertFails(ErrorCode.DISCOVERY_UNREACHABLE);
    }

    @Test
    void getWhenProviderDownAfterTimeToLiveThenServesLastGoodCopy() throws InterruptedException {
        ProviderMetadata first = metadata.get();
        provider.discoveryStatus = 500;
        clock.advance(ProviderMetadataSource.TIME_TO_LIVE.plusMinutes(1));

        assertThat(metadata.get()).isEqualTo(first);
        // the refresh runs in the background, after the held copy was handed out
        for (int i = 0; i < 100 && provider.discoveryRequests.get() < 2; i++) {
            Thread.sleep(20);
        }
        assertThat(provider.discoveryRequests).hasValue(2);
        assertThat(metadata.get()).isEqualTo(first);
    }

    @Test
    void getWhenProviderAnnouncesIssuerParameterThenRecorded() {
        serve(doc -> { doc.put("authorization_response_iss_parameter_supported", true); return doc; });

        assertThat(metadata.get().issuerParameterSupported()).isTrue();
    }
}
