package io.lanyard.core.config.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lanyard.core.config.AddressRange;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.config.TokenIssuerConfig.TokenCheck;
import io.lanyard.core.secret.StoredSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code token-issuer.xml}: every field survives a round trip; what cannot be right is refused by field. */
class TokenIssuerXmlStoreTest {

    @TempDir
    Path directory;

    private IntegrationXmlStore<TokenIssuerConfig> store() {
        return IntegrationXmlStore.of(IntegrationKind.TOKEN_ISSUER, directory);
    }

    static TokenIssuerConfig everyField() {
        return TokenIssuerConfig.builder().id("keycloak0001").displayName("Keycloak").enabled(false)
                .issuer("https://sso.example.com/realms/ci").tokenCheck(TokenCheck.BOTH).acceptJwtType(true)
                .jwksUri("https://sso.example.com/realms/ci/protocol/openid-connect/certs")
                .introspectionEndpoint("https://sso.example.com/realms/ci/protocol/openid-connect/token/introspect")
                .tokenEndpoint("https://sso.example.com/realms/ci/protocol/openid-connect/token")
                .clientId("jira-resource-server").clientSecret(StoredSecret.external()).audience("jira")
                .requiredScopes(List.of("jira:read", "jira:write")).allScopesRequired(false)
                .clockSkew(Duration.ofSeconds(30)).introspectionCacheTime(Duration.ofSeconds(45))
                .opaqueTokenPaths(List.of("/rest/api/", "/rest/agile/")).serviceAccountDirectory("Internal Directory")
                .clientMappings(List.of(new ClientMapping("deployer", "svc-deployer", true,
                                List.of(AddressRange.parse("10.0.0.0/8").orElseThrow(),
                                        AddressRange.parse("2001:db8::/32").orElseThrow()),
                                Optional.of(Duration.ofMinutes(10))),
                        new ClientMapping("report bot", "svc-reports", false, List.of(), Optional.empty())))
                .delegatedUserClaim("preferred_username").trustedProxies(List.of("192.0.2.1", "198.51.100.0/24"))
                .build();
    }

    @Test
    void roundTripKeepsEveryField() {
        List<TokenIssuerConfig> issuers = List.of(everyField());
        store().save(issuers);
        assertThat(store().load()).isEqualTo(issuers);
        assertThat(store().file().getFileName()).hasToString("token-issuer.xml");
    }

    @Test
    void theExampleFileLoads() throws Exception {
        Files.copy(Path.of("../docs/examples/token-issuer.xml"), directory.resolve("token-issuer.xml"));
        assertThat(store().load()).singleElement().satisfies(issuer -> {
            assertThat(issuer.clientMappings()).extracting(ClientMapping::account).containsExactly("sandbox-bot");
            assertThat(issuer.tokenCheck()).isEqualTo(TokenCheck.JWT);
        });
    }

    @Test
    void badValuesAreRefusedByField() throws Exception {
        Files.writeString(directory.resolve("token-issuer.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <lanyard-token-issuers version="1">
                  <issuer id="abcdef123456" enabled="true">
                    <DISPLAY_NAME>Bad</DISPLAY_NAME>
                    <ISSUER>http://evil.example.com</ISSUER>
                    <TOKEN_CHECK>INTROSPECTION</TOKEN_CHECK>
                    <AUDIENCE>jira</AUDIENCE>
                    <TRUSTED_PROXIES>proxy.example.com</TRUSTED_PROXIES>
                    <CLIENTS>
                      <CLIENT id="a" account="svc a" readOnly="maybe" from="10.0.0.0/33" maxAgeSeconds=""/>
                    </CLIENTS>
                  </issuer>
                </lanyard-token-issuers>
                """, StandardCharsets.UTF_8);
        ConfigurationException thrown = catchThrowableOfType(ConfigurationException.class, () -> store().load());
        assertThat(thrown.fieldErrors()).extracting(FieldError::field).map(f -> f.replace("tokenIssuers[abcdef123456].",
                "")).contains("issuer", "introspectionEndpoint", "clientId", "opaqueTokenPaths", "trustedProxies",
                "clientMappings");
    }

    @Test
    void anIssuerWithoutClientsOrDelegatedUsersIsRefused() {
        ConfigurationException thrown = catchThrowableOfType(ConfigurationException.class,
                () -> everyField().toBuilder().clientMappings(List.of()).delegatedUserClaim(null).build());
        assertThat(thrown.fieldErrors()).extracting(FieldError::field).containsExactly("clientMappings");
    }

    @Test
    void hostNamesAreNeverRanges() {
        assertThat(AddressRange.parse("localhost")).isEmpty();
        assertThat(AddressRange.parse("10.0.0.0/8").orElseThrow().contains(new byte[] {10, 9, 8, 7})).isTrue();
        assertThat(AddressRange.parse("10.0.0.0/8").orElseThrow().contains(new byte[] {11, 0, 0, 1})).isFalse();
    }
}
