package io.lanyard.core.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.testing.FakeProvider;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdentityProviderCheckTest {

    private final FakeProvider provider = FakeProvider.start(Clock.systemUTC());
    private final IdentityProviderCheck check = new IdentityProviderCheck(new ProviderHttpClient(HttpLimits.DEFAULT),
            ClientSecretResolver.fileOnly(), Clock.systemUTC());

    @AfterEach
    void stop() {
        provider.close();
    }

    private IdentityProviderConfig config(String issuer, ClientAuthMethod method, StoredSecret secret) {
        return IdentityProviderConfig.builder().id("abc").displayName("Fake").discoveryUrl(provider.issuer())
                .issuer(issuer).clientId(FakeProvider.CLIENT_ID).clientAuthMethod(method).clientSecret(secret).build();
    }

    private IdentityProviderConfig config() {
        return config(null, ClientAuthMethod.CLIENT_SECRET_BASIC, StoredSecret.plaintext(Secret.of(FakeProvider.CLIENT_SECRET)));
    }

    @Test
    void fetchGivenTheIssuerUrlReadsTheWellKnownDocumentAndShowsWhatItAnnounces() {
        DiscoveryReport report = check.discover(provider.issuer());

        assertThat(report.failure()).isEmpty();
        assertThat(report.discoveryUrl()).isEqualTo(provider.discoveryUrl());
        assertThat(report.metadata().orElseThrow().issuer()).isEqualTo(provider.issuer());
        assertThat(report.metadata().orElseThrow().tokenEndpoint()).isEqualTo(URI.create(provider.issuer() + "/token"));
    }

    @Test
    void fetchShowsAnAnnouncedIssuerThatDiffersInsteadOfFailing() {
        provider.discoveryCustomizer = document -> {
            document.put("issuer", provider.issuer() + "/elsewhere");
            return document;
        };

        DiscoveryReport report = check.discover(provider.issuer());

        assertThat(report.metadata().orElseThrow().issuer()).isEqualTo(provider.issuer() + "/elsewhere");
    }

    @Test
    void fetchOfAnUnreachableProviderReportsDiscoveryUnreachable() {
        provider.discoveryStatus = 404;

        DiscoveryReport report = check.discover(provider.issuer());

        assertThat(report.failure().orElseThrow().code()).isEqualTo(ErrorCode.DISCOVERY_UNREACHABLE);
        assertThat(report.failure().orElseThrow().detail()).contains("HTTP 404");
    }

    @Test
    void fetchRefusesAPlainHttpUrlToAnotherHostWithTheBuildersFieldError() {
        assertThatThrownBy(() -> check.discover("http://idp.example.com"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).containsExactly("discoveryUrl"));
    }

    @Test
    void testReadsDiscoveryAndKeysAndPassesForAWorkingProvider() {
        ProviderCheckReport report = check.test(config());

        assertThat(report.passed()).isTrue();
        assertThat(report.keys()).hasSize(1);
        assertThat(report.warnings()).isEmpty();
        assertThat(provider.jwksRequests.get()).isEqualTo(1);
    }

    @Test
    void testReportsAnIssuerMismatchWithItsCode() {
        ProviderCheckReport report = check.test(config(provider.issuer() + "/", ClientAuthMethod.CLIENT_SECRET_BASIC,
                StoredSecret.none()));

        assertThat(report.failure().orElseThrow().code()).isEqualTo(ErrorCode.DISCOVERY_ISSUER_MISMATCH);
        assertThat(report.metadata()).isEmpty();
    }

    @Test
    void testReportsUnreachableKeysAfterAGoodDiscovery() {
        provider.jwksStatus = 500;

        ProviderCheckReport report = check.test(config());

        assertThat(report.metadata()).isPresent();
        assertThat(report.failure().orElseThrow().code()).isEqualTo(ErrorCode.JWKS_UNREACHABLE);
    }

    @Test
    void testWarnsAboutAnUnannouncedAuthMethodAndAMissingSecret() {
        provider.discoveryCustomizer = document -> {
            document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
            return document;
        };

        ProviderCheckReport report = check.test(config(null, ClientAuthMethod.CLIENT_SECRET_POST, StoredSecret.none()));

        assertThat(report.passed()).isTrue();
        assertThat(report.warnings()).containsExactly(CheckWarning.CLIENT_AUTH_METHOD_NOT_ANNOUNCED,
                CheckWarning.CLIENT_SECRET_NOT_SET);
    }

    @Test
    void testWarnsWhenNoConfiguredAlgorithmIsAnnounced() {
        provider.discoveryCustomizer = document -> {
            document.putAll(Map.of("id_token_signing_alg_values_supported", List.of("ES512")));
            return document;
        };

        assertThat(check.test(config()).warnings()).containsExactly(CheckWarning.ALGORITHMS_NOT_ANNOUNCED);
    }
}
