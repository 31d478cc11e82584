package io.lanyard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntraConnectorConfigBuilderTest {

    static final String TENANT = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    static final String CLIENT = "11111111-2222-3333-4444-555555555555";

    static EntraConnectorConfigBuilder valid() {
        return EntraConnectorConfig.builder()
                .id("wdlfqm6se9un")
                .displayName("Contoso directory")
                .tenantId(TENANT)
                .clientId(CLIENT);
    }

    private static List<String> fieldsWithErrors(EntraConnectorConfigBuilder builder) {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, builder::build);
        assertThat(e).as("build must refuse").isNotNull();
        return e.fieldErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void aConnectorAuthenticatesWithItsSecretInTheBodyUnlessItUsesLanyardsCertificate() {
        assertThat(valid().build().clientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(valid().clientAuthMethod(ClientAuthMethod.PRIVATE_KEY_JWT).build().clientAuthMethod())
                .isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(fieldsWithErrors(valid().clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_BASIC)))
                .containsExactly("clientAuthMethod");
    }

    @Test
    void buildWhenRequiredFieldsGivenThenDefaultsApply() {
        EntraConnectorConfig connector = valid().build();

        assertThat(connector.id()).isEqualTo("wdlfqm6se9un");
        assertThat(connector.enabled()).isTrue();
        assertThat(connector.clientSecret()).isEqualTo(StoredSecret.none());
        assertThat(connector.nationalCloud()).isEqualTo(NationalCloud.GLOBAL);
        assertThat(connector.graphBaseUrl()).isEmpty();
        assertThat(connector.effectiveGraphBaseUrl()).hasToString("https://graph.microsoft.com");
    }

    @Test
    void buildWhenEverythingMissingThenEveryRequiredFieldIsReported() {
        assertThat(fieldsWithErrors(EntraConnectorConfig.builder().clientSecret(null).nationalCloud(null)))
                .containsExactlyInAnyOrder("id", "displayName", "tenantId", "clientId", "clientSecret", "nationalCloud");
    }

    @Test
    void newConnectorGetsAGeneratedIdOfTheSpecificationsShape() {
        EntraConnectorConfig connector = EntraConnectorConfig.newConnector()
                .displayName("New").tenantId(TENANT).clientId(CLIENT).build();

        assertThat(connector.id()).matches("[a-z0-9]{12}");
    }

    @Test
    void idOfAnExistingConnectorCannotBeChanged() {
        EntraConnectorConfig existing = valid().build();

        assertThat(fieldsWithErrors(existing.toBuilder().id("abcdefabcdef"))).containsExactly("id");
        assertThat(fieldsWithErrors(EntraConnectorConfig.newConnector().id("abcdefabcdef")
                .displayName("New").tenantId(TENANT).clientId(CLIENT))).containsExactly("id");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        EntraConnectorConfig connector = valid().enabled(false)
                .clientSecret(StoredSecret.plaintext(Secret.of("value")))
                .nationalCloud(NationalCloud.US_GOV)
                .graphBaseUrl("https://dod-graph.microsoft.us/")
                .build();

        assertThat(connector.toBuilder().build()).isEqualTo(connector);
        assertThat(connector.graphBaseUrl()).contains(URI.create("https://dod-graph.microsoft.us"));
        assertThat(connector.effectiveGraphBaseUrl()).hasToString("https://dod-graph.microsoft.us");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wdlfqm6se9u", "wdlfqm6se9unx", "WDLFQM6SE9UN", "wdlfqm6se9u_", "wdlfqm 6se9u"})
    void idOfAnotherShapeIsRefused(String id) {
        assertThat(fieldsWithErrors(valid().id(id))).containsExactly("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {TENANT, "0A1B2C3D-4E5F-6789-ABCD-EF0123456789", "contoso.onmicrosoft.com", "example.co.uk"})
    void tenantIdMayBeAGuidOrAVerifiedDomain(String tenantId) {
        assertThat(valid().tenantId(tenantId).build().tenantId()).isEqualTo(tenantId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"contoso", "not a tenant", "-contoso.com", "contoso..com", "0a1b2c3d-4e5f-6789-abcd",
            "https://login.microsoftonline.com/contoso.com", "common"})
    void tenantIdOfAnotherShapeIsRefused(String tenantId) {
        assertThat(fieldsWithErrors(valid().tenantId(tenantId))).containsExactly("tenantId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lanyard", "11111111-2222-3333-4444-55555555555", "{11111111-2222-3333-4444-555555555555}"})
    void clientIdMustBeAGuid(String clientId) {
        assertThat(fieldsWithErrors(valid().clientId(clientId))).containsExactly("clientId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://graph.microsoft.com", "ftp://graph.microsoft.com", "graph.microsoft.com",
            "https://graph.microsoft.com/?x=1", "https://user:pw@graph.microsoft.com", "https://graph microsoft"})
    void graphBaseUrlMustBeHttps(String url) {
        assertThat(fieldsWithErrors(valid().graphBaseUrl(url))).containsExactly("graphBaseUrl");
    }

    @Test
    void graphBaseUrlMayBePlainHttpOnLocalhost() {
        assertThat(valid().graphBaseUrl("http://localhost:9999").build().graphBaseUrl())
                .isEqualTo(Optional.of(URI.create("http://localhost:9999")));
    }

    @Test
    void nationalCloudsHaveTheirOwnGraphEndpoints() {
        assertThat(valid().nationalCloud(NationalCloud.US_GOV).build().effectiveGraphBaseUrl())
                .hasToString("https://graph.microsoft.us");
        assertThat(valid().nationalCloud(NationalCloud.CHINA).build().effectiveGraphBaseUrl())
                .hasToString("https://microsoftgraph.chinacloudapi.cn");
    }

    @Test
    void toStringNeverShowsThePlaintextSecret() {
        EntraConnectorConfig connector = valid().clientSecret(StoredSecret.plaintext(Secret.of("hunter2-connector"))).build();

        assertThat(connector.toString()).doesNotContain("hunter2-connector").contains("PLAINTEXT");
    }

    @Test
    void configurationRefusesTwoConnectorsWithOneId() {
        EntraConnectorConfig connector = valid().build();

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> new LanyardConfiguration(List.of(), List.of(connector, connector)));

        assertThat(e.fieldErrors()).extracting(FieldError::message)
                .containsExactly("Entra ID connector id wdlfqm6se9un is used twice");
    }

    @Test
    void configurationWithOnlyProvidersHasNoConnectors() {
        assertThat(new LanyardConfiguration(List.of()).entraConnectors()).isEmpty();
        assertThat(LanyardConfiguration.empty().with(IntegrationKind.ENTRA_CONNECTOR, List.of(valid().build()))
                .entraConnector("wdlfqm6se9un")).isPresent();
    }
}
