package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.config.xml.ProviderXml;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.testing.FakeProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code MAX_AUTHENTICATION_AGE_SECONDS} and {@code ACR_VALUES} from {@code provider.xml} to the provider and back:
 * the authorization request carries {@code max_age} and {@code acr_values} (OIDC Core §3.1.2.1), and the ID token
 * that comes back is held to them (§3.1.3.7 steps 12 and 13). Each test fails if the setting is dropped on either
 * way: from the request, or from the expectations the validator is given.
 */
class LoginServiceAuthenticationRequirementsTest {

    private static final String GOLD = "urn:example:acr:gold";
    private static final String PLATINUM = "urn:example:acr:platinum";

    @TempDir
    Path home;

    private final FakeProviderLogins logins = new FakeProviderLogins();
    private final FakeProvider provider = logins.provider;

    @AfterEach
    void stop() {
        logins.close();
    }

    /** The login service over the provider configured exactly as {@code provider.xml} says, with {@code extra} elements. */
    private LoginService configuredWith(String extraElements) throws IOException {
        Files.writeString(home.resolve(ProviderXml.FILE_NAME), """
                <?xml version="1.0" encoding="UTF-8"?>
                <lanyard-providers version="1">
                  <provider id="%s" enabled="true">
                    <DISPLAY_NAME>Step-up provider</DISPLAY_NAME>
                    <DISCOVERY_URL>%s</DISCOVERY_URL>
                    <CLIENT_ID>%s</CLIENT_ID>
                    <CLIENT_SECRET>%s</CLIENT_SECRET>
                    %s
                  </provider>
                </lanyard-providers>
                """.formatted(FakeProviderLogins.IDP, provider.discoveryUrl(), FakeProvider.CLIENT_ID,
                FakeProvider.CLIENT_SECRET, extraElements));
        logins.configure(new LanyardConfiguration(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home).load()));
        return logins.service;
    }

    private static Map<String, String> query(LoginRedirect redirect) {
        return FakeProvider.parseForm(redirect.authorizationUri().getRawQuery());
    }

    private static LoginRedirect start(LoginService service) {
        return service.startLogin(FakeProviderLogins.IDP, "/");
    }

    private void authenticatedAgo(Duration age) {
        long authTime = logins.clock.instant().minus(age).getEpochSecond();
        provider.idTokenCustomizer = token -> token.claim("auth_time", authTime);
    }

    // --- neither configured: nothing asked, nothing required ---

    @Test
    void withoutEitherSettingNeitherIsSentAndATokenWithoutAuthTimeOrAcrLogsIn() throws IOException {
        LoginService service = configuredWith("");

        assertThat(query(start(service))).doesNotContainKeys("max_age", "acr_values");
        assertThat(logins.logIn("alice").user().username()).isEqualTo("alice");
    }

    // --- MAX_AUTHENTICATION_AGE_SECONDS ---

    @Test
    void maxAuthenticationAgeIsSentAsMaxAge() throws IOException {
        LoginService service = configuredWith("<MAX_AUTHENTICATION_AGE_SECONDS>300</MAX_AUTHENTICATION_AGE_SECONDS>");

        assertThat(query(start(service))).containsEntry("max_age", "300");
    }

    @Test
    void maxAuthenticationAgeAcceptsAFreshAuthentication() throws IOException {
        configuredWith("<MAX_AUTHENTICATION_AGE_SECONDS>300</MAX_AUTHENTICATION_AGE_SECONDS>");
        authenticatedAgo(Duration.ofSeconds(10));

        assertThat(logins.logIn("alice").user().username()).isEqualTo("alice");
    }

    @Test
    void maxAuthenticationAgeRefusesATokenWithoutAuthTime() throws IOException {
        configuredWith("<MAX_AUTHENTICATION_AGE_SECONDS>300</MAX_AUTHENTICATION_AGE_SECONDS>");

        logins.assertLoginFails("alice", ErrorCode.ID_TOKEN_AUTH_TIME_MISSING);
    }

    @Test
    void maxAuthenticationAgeRefusesAnAuthenticationOlderThanItPlusTheSkew() throws IOException {
        configuredWith("<MAX_AUTHENTICATION_AGE_SECONDS>300</MAX_AUTHENTICATION_AGE_SECONDS>"
                + "<CLOCK_SKEW_SECONDS>60</CLOCK_SKEW_SECONDS>");
        authenticatedAgo(Duration.ofSeconds(300 + 60 + 5));

        logins.assertLoginFails("alice", ErrorCode.ID_TOKEN_AUTH_TOO_OLD);
    }

    // --- ACR_VALUES ---

    @Test
    void acrValuesAreSentInTheirOrder() throws IOException {
        LoginService service = configuredWith("<ACR_VALUES>" + GOLD + " " + PLATINUM + "</ACR_VALUES>");

        assertThat(query(start(service))).containsEntry("acr_values", GOLD + " " + PLATINUM);
    }

    @Test
    void acrValuesAcceptATokenWhoseAcrIsOneOfThem() throws IOException {
        configuredWith("<ACR_VALUES>" + GOLD + " " + PLATINUM + "</ACR_VALUES>");
        provider.idTokenCustomizer = token -> token.claim("acr", PLATINUM);

        assertThat(logins.logIn("alice").user().username()).isEqualTo("alice");
    }

    @Test
    void acrValuesRefuseATokenWithoutAcr() throws IOException {
        configuredWith("<ACR_VALUES>" + GOLD + "</ACR_VALUES>");

        logins.assertLoginFails("alice", ErrorCode.ID_TOKEN_ACR_NOT_SATISFIED);
    }

    @Test
    void acrValuesRefuseATokenWithAWeakerAcr() throws IOException {
        configuredWith("<ACR_VALUES>" + GOLD + "</ACR_VALUES>");
        provider.idTokenCustomizer = token -> token.claim("acr", "urn:example:acr:bronze");

        logins.assertLoginFails("alice", ErrorCode.ID_TOKEN_ACR_NOT_SATISFIED);
    }

    // --- both at once ---

    @Test
    void bothSettingsAreSentAndBothAreEnforced() throws IOException {
        LoginService service = configuredWith("<MAX_AUTHENTICATION_AGE_SECONDS>60</MAX_AUTHENTICATION_AGE_SECONDS>"
                + "<ACR_VALUES>" + GOLD + "</ACR_VALUES>");

        assertThat(query(start(service))).containsEntry("max_age", "60").containsEntry("acr_values", GOLD);
        long freshAuthTime = logins.clock.instant().minusSeconds(5).getEpochSecond();
        provider.idTokenCustomizer = token -> token.claim("auth_time", freshAuthTime).claim("acr", GOLD);
        assertThat(logins.logIn("alice").user().username()).isEqualTo("alice");
        provider.idTokenCustomizer = token -> token.claim("auth_time", freshAuthTime);
        logins.assertLoginFails("alice", ErrorCode.ID_TOKEN_ACR_NOT_SATISFIED);
    }
}
