package io.lanyard.core.config.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretSource;
import io.lanyard.core.secret.SecretStatus;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the admin UI shows, the save rewrite, and the revert the specification describes. */
class ClientSecretAdministrationTest {

    private static final String IDP_ID = "GOxXFuPXJgiyAwuXugVG";
    private static final String CONNECTOR_ID = "wdlfqm6se9un";
    private static final String IDP_NAME = "ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDC_GOxXFuPXJgiyAwuXugVG_CLIENTSECRET";
    private static final String CONNECTOR_NAME =
            "ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_wdlfqm6se9un_CLIENTSECRET";
    private static final StoredSecret PLAINTEXT = StoredSecret.plaintext(Secret.of("old-plaintext-in-xml"));

    @TempDir
    Path directory;

    private static IdentityProviderConfig provider(StoredSecret secret) {
        return IdentityProviderConfig.builder().id(IDP_ID).displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme").clientId("lanyard").clientSecret(secret).build();
    }

    private static EntraConnectorConfig connector(StoredSecret secret) {
        return EntraConnectorConfig.builder().id(CONNECTOR_ID).displayName("Contoso")
                .tenantId("contoso.onmicrosoft.com").clientId("11111111-2222-3333-4444-555555555555")
                .clientSecret(secret).build();
    }

    private static ClientSecretResolver startWith(Map<String, String> environment, Map<String, String> jvm) {
        return new ClientSecretResolver(environment, jvm, SecuredPropertyValues.none());
    }

    // --- a stored secret goes where it was given for, nowhere else ---

    @Test
    void afterEditKeepsAStoredSecretWhileTheDiscoveryUrlAndIssuerStay() {
        IdentityProviderConfig renamed = provider(PLAINTEXT).toBuilder().displayName("Renamed").build();

        assertThat(ClientSecretAdministration.afterEdit(Optional.of(provider(PLAINTEXT)), renamed, SecretUpdate.keep())
                .clientSecret()).isEqualTo(PLAINTEXT);
    }

    @Test
    void afterEditDropsAKeptSecretWhenTheDiscoveryUrlOrIssuerChanges() {
        IdentityProviderConfig moved = provider(PLAINTEXT).toBuilder().discoveryUrl("https://evil.example.net/r").build();
        IdentityProviderConfig reissued = provider(PLAINTEXT).toBuilder().issuer("https://idp.example.com/realms/x")
                .build();

        for (IdentityProviderConfig edited : List.of(moved, reissued)) {
            assertThat(ClientSecretAdministration.afterEdit(Optional.of(provider(PLAINTEXT)), edited,
                    SecretUpdate.keep()).clientSecret()).isEqualTo(StoredSecret.none());
        }
    }

    @Test
    void afterEditDropsAKeptNextSecretWhenTheAddressChangesEvenWithANewCurrentSecret() {
        // The next secret is tried when the provider refuses the current one: it must not reach a new address either.
        StoredSecret next = StoredSecret.plaintext(Secret.of("next-for-the-old-address"));
        StoredSecret given = StoredSecret.plaintext(Secret.of("for-the-new-address"));
        IdentityProviderConfig before = provider(PLAINTEXT).toBuilder().nextClientSecret(next).build();
        IdentityProviderConfig moved = before.toBuilder().clientSecret(given)
                .discoveryUrl("https://evil.example.net/r").build();

        IdentityProviderConfig after = ClientSecretAdministration.afterEdit(Optional.of(before), moved,
                SecretUpdate.replaceWith(Secret.of("for-the-new-address")));

        assertThat(after.nextClientSecret()).isEqualTo(StoredSecret.none());
        assertThat(after.clientSecret()).isEqualTo(given);
    }

    @Test
    void afterEditKeepsANextSecretGivenWithTheNewAddress() {
        StoredSecret oldNext = StoredSecret.plaintext(Secret.of("next-for-the-old-address"));
        StoredSecret newNext = StoredSecret.plaintext(Secret.of("next-for-the-new-address"));
        IdentityProviderConfig before = provider(PLAINTEXT).toBuilder().nextClientSecret(oldNext).build();
        IdentityProviderConfig moved = before.toBuilder().nextClientSecret(newNext)
                .discoveryUrl("https://idp2.example.com/r").build();

        assertThat(ClientSecretAdministration.afterEdit(Optional.of(before), moved, SecretUpdate.keep())
                .nextClientSecret()).isEqualTo(newNext);
    }

    @Test
    void afterEditStoresASecretGivenWithTheNewAddress() {
        StoredSecret given = StoredSecret.plaintext(Secret.of("for-the-new-address"));
        IdentityProviderConfig moved = provider(given).toBuilder().discoveryUrl("https://idp2.example.com/r").build();

        assertThat(ClientSecretAdministration.afterEdit(Optional.of(provider(PLAINTEXT)), moved,
                SecretUpdate.replaceWith(Secret.of("for-the-new-address"))).clientSecret()).isEqualTo(given);
    }

    @Test
    void afterEditOfANewIntegrationChangesNothing() {
        assertThat(ClientSecretAdministration.afterEdit(Optional.empty(), provider(PLAINTEXT), SecretUpdate.keep()))
                .isEqualTo(provider(PLAINTEXT));
    }

    @Test
    void afterEditDropsAConnectorsKeptSecretWhenItsTenantOrCloudChanges() {
        EntraConnectorConfig otherTenant = connector(PLAINTEXT).toBuilder().tenantId("fabrikam.onmicrosoft.com").build();

        assertThat(ClientSecretAdministration.afterEdit(Optional.of(connector(PLAINTEXT)), otherTenant,
                SecretUpdate.keep()).clientSecret()).isEqualTo(StoredSecret.none());
    }

    // --- what administrators see ---

    @Test
    void environmentVariableShowsStaticEnvironmentPropertyWithNameAndOrigin() {
        SecretStatus status = ClientSecretAdministration.status(provider(PLAINTEXT),
                startWith(Map.of(IDP_NAME, "from-env"), Map.of()));

        assertThat(status.label()).isEqualTo("Static Environment Property");
        assertThat(status.origin()).contains("environment variable");
        assertThat(status.propertyName()).contains(IDP_NAME);
        assertThat(status.comesFromOutside()).isTrue();
        assertThat(status.problem()).isEmpty();
    }

    @Test
    void jvmPropertyShowsStaticEnvironmentPropertyWithNameAndOrigin() {
        SecretStatus status = ClientSecretAdministration.status(connector(PLAINTEXT),
                startWith(Map.of(), Map.of("ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_STATIC_CLIENTSECRET",
                        "from-jvm")));

        assertThat(status.label()).isEqualTo("Static Environment Property");
        assertThat(status.origin()).contains("JVM system property");
        assertThat(status.propertyName())
                .contains("ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_STATIC_CLIENTSECRET");
    }

    @Test
    void plaintextInTheFileShowsConfigurationFile() {
        SecretStatus status = ClientSecretAdministration.status(provider(PLAINTEXT), startWith(Map.of(), Map.of()));

        assertThat(status.label()).isEqualTo("Configuration file");
        assertThat(status.origin()).isEmpty();
        assertThat(status.propertyName()).isEmpty();
        assertThat(status.comesFromOutside()).isFalse();
    }

    @Test
    void securedPropertyShowsEncrypted() {
        SecuredPropertyValues secured = SecuredPropertyValues.of(Map.of(IDP_NAME,
                ResolvedSecret.found(Secret.of("decrypted"), SecretSource.SECURED_PROPERTY, IDP_NAME)));

        SecretStatus status = ClientSecretAdministration.status(provider(StoredSecret.external()),
                new ClientSecretResolver(Map.of(), Map.of(), secured));

        assertThat(status.label()).isEqualTo("Encrypted (secured property)");
        assertThat(status.propertyName()).contains(IDP_NAME);
        assertThat(status.comesFromOutside()).isTrue();
    }

    @Test
    void placeholderWithoutVariableShowsNotSetAndTheNamesLookedFor() {
        SecretStatus status = ClientSecretAdministration.status(connector(StoredSecret.external()),
                startWith(Map.of(), Map.of()));

        assertThat(status.label()).isEqualTo("Not set");
        assertThat(status.comesFromOutside()).isFalse();
        assertThat(status.problem().orElseThrow().errorCode()).isEqualTo(ErrorCode.CLIENT_SECRET_MISSING);
        assertThat(status.problem().orElseThrow().message()).contains(CONNECTOR_NAME,
                "ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_STATIC_CLIENTSECRET");
    }

    @Test
    void emptyFileShowsNotSet() {
        assertThat(ClientSecretAdministration.status(provider(StoredSecret.none()), startWith(Map.of(), Map.of()))
                .label()).isEqualTo("Not set");
    }

    @Test
    void statusOffersTheExactNameForThisIdToCopy() {
        SecretStatus providerStatus = ClientSecretAdministration.status(provider(PLAINTEXT), startWith(Map.of(), Map.of()));
        SecretStatus connectorStatus = ClientSecretAdministration.status(connector(PLAINTEXT), startWith(Map.of(), Map.of()));

        assertThat(providerStatus.propertyNameForThisId()).isEqualTo(IDP_NAME);
        assertThat(providerStatus.staticPropertyName())
                .isEqualTo("ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET");
        assertThat(connectorStatus.propertyNameForThisId()).isEqualTo(CONNECTOR_NAME);
    }

    // --- saving ---

    @Test
    void saveWhileSecretComesFromOutsideReplacesThePlaintextWithThePlaceholder() {
        SecretStatus outside = ClientSecretAdministration.status(provider(PLAINTEXT),
                startWith(Map.of(IDP_NAME, "from-env"), Map.of()));

        IdentityProviderConfig stored = ClientSecretAdministration.forStorage(provider(PLAINTEXT), outside);

        assertThat(stored.clientSecret()).isEqualTo(StoredSecret.external());
        assertThat(stored.toBuilder().clientSecret(PLAINTEXT).build()).isEqualTo(provider(PLAINTEXT));
    }

    @Test
    void saveWhileSecretComesFromOutsideIgnoresANewlyTypedPlaintextToo() {
        SecretStatus outside = ClientSecretAdministration.status(connector(StoredSecret.external()),
                startWith(Map.of(), Map.of(CONNECTOR_NAME, "from-jvm")));

        EntraConnectorConfig stored = ClientSecretAdministration.forStorage(
                connector(StoredSecret.plaintext(Secret.of("typed-in-the-ui"))), outside);

        assertThat(stored.clientSecret()).isEqualTo(StoredSecret.external());
    }

    @Test
    void saveWhileSecretIsSecuredWritesThePlaceholder() {
        SecretStatus secured = new SecretStatus(SecretOwner.connector(CONNECTOR_ID), SecretSource.SECURED_PROPERTY,
                Optional.of(CONNECTOR_NAME), Optional.empty(), List.of());

        assertThat(ClientSecretAdministration.forStorage(connector(PLAINTEXT), secured).clientSecret())
                .isEqualTo(StoredSecret.external());
    }

    @Test
    void saveWhileSecretComesFromTheFileKeepsWhatTheAdministratorGave() {
        SecretStatus fromFile = ClientSecretAdministration.status(provider(PLAINTEXT), startWith(Map.of(), Map.of()));
        StoredSecret typed = StoredSecret.plaintext(Secret.of("new-value"));

        assertThat(ClientSecretAdministration.forStorage(provider(typed), fromFile).clientSecret()).isEqualTo(typed);
        assertThat(ClientSecretAdministration.forStorage(provider(StoredSecret.none()), fromFile).clientSecret())
                .isEqualTo(StoredSecret.none());
    }

    @Test
    void saveWithAnotherOwnersStatusIsRefused() {
        SecretStatus connectorStatus = ClientSecretAdministration.status(connector(PLAINTEXT), startWith(Map.of(), Map.of()));

        assertThatThrownBy(() -> ClientSecretAdministration.forStorage(provider(PLAINTEXT), connectorStatus))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- the specification's steps, through the real files ---

    @Test
    void saveThenRevertAsTheSpecificationSaysShowsConfigurationFile() {
        IntegrationXmlStore<IdentityProviderConfig> providers =
                IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory);
        IntegrationXmlStore<EntraConnectorConfig> connectors =
                IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR, directory);
        providers.save(new LanyardConfiguration(List.of(provider(PLAINTEXT))));
        connectors.save(List.of(connector(PLAINTEXT)));

        // Start with the variables set: the admin UI shows "Static Environment Property"; Save writes the placeholder.
        ClientSecretResolver withVariables = startWith(Map.of(IDP_NAME, "from-env"), Map.of(CONNECTOR_NAME,
                "from-jvm"));
        IdentityProviderConfig savedProvider = providers.load().get(0);
        EntraConnectorConfig savedConnector = connectors.load().get(0);
        providers.save(new LanyardConfiguration(List.of(ClientSecretAdministration.forStorage(savedProvider,
                ClientSecretAdministration.status(savedProvider, withVariables)))));
        connectors.save(List.of(ClientSecretAdministration.forStorage(savedConnector,
                ClientSecretAdministration.status(savedConnector, withVariables))));
        assertThat(providers.load().get(0).clientSecret()).isEqualTo(StoredSecret.external());
        assertThat(connectors.load().get(0).clientSecret()).isEqualTo(StoredSecret.external());

        // "Update the CLIENT_SECRET value in the KSSO configuration file"
        providers.save(new LanyardConfiguration(List.of(provider(StoredSecret.plaintext(Secret.of("back-in-xml"))))));
        connectors.save(List.of(connector(StoredSecret.plaintext(Secret.of("back-in-xml")))));
        // "Remove the environment variables or JVM parameters from the Atlassian host." "Restart the Atlassian host."
        ClientSecretResolver afterRestart = startWith(Map.of(), Map.of());

        SecretStatus providerStatus = ClientSecretAdministration.status(providers.load().get(0),
                afterRestart);
        SecretStatus connectorStatus = ClientSecretAdministration.status(connectors.load().get(0), afterRestart);
        assertThat(providerStatus.label()).isEqualTo("Configuration file");
        assertThat(connectorStatus.label()).isEqualTo("Configuration file");
        assertThat(afterRestart.resolve(SecretOwner.identityProvider(IDP_ID),
                providers.load().get(0).clientSecret()).secret()).contains(Secret.of("back-in-xml"));
    }

    @Test
    void revertWithoutRemovingTheVariableStillShowsItAndSavingWouldPutThePlaceholderBack() {
        IdentityProviderConfig reverted = provider(StoredSecret.plaintext(Secret.of("back-in-xml")));
        ClientSecretResolver variableStillThere = startWith(Map.of(IDP_NAME, "from-env"), Map.of());

        SecretStatus status = ClientSecretAdministration.status(reverted, variableStillThere);

        assertThat(status.label()).isEqualTo("Static Environment Property");
        assertThat(ClientSecretAdministration.forStorage(reverted, status).clientSecret())
                .isEqualTo(StoredSecret.external());
    }
}
