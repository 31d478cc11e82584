package io.lanyard.core.config.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.ConfigurationFiles;
import io.lanyard.core.config.xml.ConnectorXml;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.config.xml.ProviderXml;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationServiceTest {

    private static final String TENANT = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    private static final String CLIENT = "11111111-2222-3333-4444-555555555555";

    @TempDir
    Path home;

    private static IdentityProviderConfig provider(String id, String name) {
        return IdentityProviderConfig.builder().id(id).displayName(name)
                .discoveryUrl("https://idp.example.com/" + id).clientId("lanyard").build();
    }

    private static EntraConnectorConfig connector(String id, String name) {
        return EntraConnectorConfig.builder().id(id).displayName(name).tenantId(TENANT).clientId(CLIENT).build();
    }

    private static StoredSecret plaintext(String value) {
        return StoredSecret.plaintext(Secret.of(value));
    }

    /** Nothing from outside: every secret comes from the files. */
    private static ClientSecretResolver filesOnly() {
        return new ClientSecretResolver(Map.of(), Map.of(), SecuredPropertyValues.none());
    }

    private static ClientSecretResolver environment(String name, String value) {
        return new ClientSecretResolver(Map.of(name, value), Map.of(), SecuredPropertyValues.none());
    }

    private ConfigurationService service(ConfigurationHolder holder) {
        return service(holder, filesOnly());
    }

    private ConfigurationService service(ConfigurationHolder holder, ClientSecretResolver secrets) {
        return new ConfigurationService(holder, new ConfigurationFiles(home), secrets);
    }

    @Test
    void savedProviderIsStoredAndCurrentForTheNextReader() {
        ConfigurationHolder holder = new ConfigurationHolder(LanyardConfiguration.empty());

        service(holder).save(provider("aaa", "First"));

        assertThat(holder.current().identityProviders()).extracting(IdentityProviderConfig::id).containsExactly("aaa");
        assertThat(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home).load())
                .isEqualTo(holder.current().identityProviders());
    }

    @Test
    void savingAnExistingIdReplacesItInPlace() {
        ConfigurationHolder holder = new ConfigurationHolder(
                new LanyardConfiguration(List.of(provider("aaa", "First"), provider("bbb", "Second"))));

        service(holder).save(provider("aaa", "Renamed"));

        assertThat(holder.current().identityProviders()).extracting(IdentityProviderConfig::displayName)
                .containsExactly("Renamed", "Second");
    }

    @Test
    void savingAProviderKeepsTheConnectorsAndDoesNotWriteConnectorXml() {
        ConfigurationHolder holder = new ConfigurationHolder(new LanyardConfiguration(List.of(provider("aaa", "First")),
                List.of(connector("abcdef123456", "Contoso"))));

        service(holder).save(provider("bbb", "Second"));

        assertThat(holder.current().entraConnectors()).extracting(EntraConnectorConfig::id)
                .containsExactly("abcdef123456");
        assertThat(IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR, home).exists()).isFalse();
    }

    @Test
    void savingAConnectorWritesConnectorXmlKeepsTheProvidersAndDoesNotWriteProviderXml() {
        ConfigurationHolder holder = new ConfigurationHolder(new LanyardConfiguration(List.of(provider("aaa", "First"))));

        service(holder).save(connector("abcdef123456", "Contoso"));

        assertThat(holder.current().identityProviders()).extracting(IdentityProviderConfig::id).containsExactly("aaa");
        assertThat(IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR,
                home).load()).isEqualTo(holder.current().entraConnectors());
        assertThat(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home).exists()).isFalse();
    }

    @Test
    void savingAnExistingConnectorReplacesItInPlaceAndDeletingItRemovesItFromTheFile() {
        ConfigurationHolder holder = new ConfigurationHolder(LanyardConfiguration.empty()
                .with(IntegrationKind.ENTRA_CONNECTOR, 
                List.of(connector("aaaaaaaaaaaa", "One"), connector("bbbbbbbbbbbb", "Two"))));
        ConfigurationService service = service(holder);

        service.save(connector("aaaaaaaaaaaa", "Renamed"));
        assertThat(IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR,
                home).load()).extracting(EntraConnectorConfig::displayName)
                .containsExactly("Renamed", "Two");

        service.delete(IntegrationKind.ENTRA_CONNECTOR, "aaaaaaaaaaaa");
        assertThat(IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR,
                home).load()).extracting(EntraConnectorConfig::id)
                .containsExactly("bbbbbbbbbbbb");
        assertThat(holder.current().entraConnectors()).extracting(EntraConnectorConfig::id)
                .containsExactly("bbbbbbbbbbbb");
    }

    @Test
    void deletingAnUnknownIdIsRefusedWithAdminNotFoundAndChangesNothing() {
        LanyardConfiguration before = new LanyardConfiguration(List.of(provider("aaa", "First")));
        ConfigurationHolder holder = new ConfigurationHolder(before);
        ConfigurationService service = service(holder);

        assertThatThrownBy(() -> service.delete(IntegrationKind.IDENTITY_PROVIDER, "zzz"))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ADMIN_NOT_FOUND));
        assertThatThrownBy(() -> service.delete(IntegrationKind.ENTRA_CONNECTOR, "zzzzzzzzzzzz"))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ADMIN_NOT_FOUND));
        assertThat(holder.current()).isSameAs(before);
        assertThat(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home).exists()).isFalse();
    }

    @Test
    void aFailedWriteLeavesTheRunningConfigurationAsItWas() throws Exception {
        Path notADirectory = Files.writeString(home.resolve("lanyard"), "a file where the folder should be");
        LanyardConfiguration before = new LanyardConfiguration(List.of(provider("aaa", "First")));
        ConfigurationHolder holder = new ConfigurationHolder(before);
        ConfigurationService service = new ConfigurationService(holder, new ConfigurationFiles(notADirectory),
                filesOnly());

        assertThatThrownBy(() -> service.save(provider("bbb", "Second")))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED));
        assertThat(holder.current()).isSameAs(before);
    }

    @Test
    void whenConnectorXmlCannotBeWrittenAfterProviderXmlProviderXmlIsPutBackByteForByte() throws Exception {
        LanyardConfiguration before = new LanyardConfiguration(List.of(provider("aaa", "First")));
        IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home).save(before);
        byte[] providerXmlBefore = Files.readAllBytes(home.resolve(ProviderXml.FILE_NAME));
        // A non-empty folder where connector.xml should be: the rename onto it fails.
        Files.createDirectories(home.resolve(ConnectorXml.FILE_NAME).resolve("occupied"));
        ConfigurationHolder holder = new ConfigurationHolder(before);
        LanyardConfiguration imported = new LanyardConfiguration(List.of(provider("bbb", "Imported")),
                List.of(connector("abcdef123456", "Contoso")));

        assertThatThrownBy(() -> service(holder).replace(imported))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED));

        assertThat(home.resolve(ProviderXml.FILE_NAME)).hasBinaryContent(providerXmlBefore);
        assertThat(holder.current()).isSameAs(before);
        assertThat(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home).load())
                .isEqualTo(before.identityProviders());
    }

    @Test
    void whenConnectorXmlFailsAndThereWasNoProviderXmlTheNewProviderXmlIsRemovedAgain() throws Exception {
        Files.createDirectories(home.resolve(ConnectorXml.FILE_NAME).resolve("occupied"));
        ConfigurationHolder holder = new ConfigurationHolder(LanyardConfiguration.empty());
        LanyardConfiguration imported = new LanyardConfiguration(List.of(provider("bbb", "Imported")),
                List.of(connector("abcdef123456", "Contoso")));

        assertThatThrownBy(() -> service(holder).replace(imported)).isInstanceOf(LanyardException.class);

        assertThat(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home).exists()).isFalse();
        assertThat(holder.current().identityProviders()).isEmpty();
    }

    @Test
    void anImportReplacesProvidersAndConnectorsInBothFiles() {
        ConfigurationHolder holder = new ConfigurationHolder(new LanyardConfiguration(List.of(provider("aaa", "Old")),
                List.of(connector("oldoldoldold", "Old"))));
        LanyardConfiguration imported = new LanyardConfiguration(List.of(provider("bbb", "New")),
                List.of(connector("newnewnewnew", "New")));

        service(holder).replace(imported);

        assertThat(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER,
                home).load()).isEqualTo(imported.identityProviders());
        assertThat(IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR,
                home).load()).isEqualTo(imported.entraConnectors());
        assertThat(holder.current()).isEqualTo(imported);
    }

    @Test
    void savingAProviderWhoseSecretComesFromAnEnvironmentVariableStoresThePlaceholderNotThePlaintext() {
        ConfigurationHolder holder = new ConfigurationHolder(LanyardConfiguration.empty());
        ConfigurationService service = service(holder,
                environment(SecretPropertyNames.identityProvider("aaa"), "from-the-environment"));

        IdentityProviderConfig stored = service.save(
                provider("aaa", "First").toBuilder().clientSecret(plaintext("typed-into-the-form")).build());

        assertThat(stored.clientSecret()).isEqualTo(StoredSecret.external());
        assertThat(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home).load().get(0).clientSecret())
                .isEqualTo(StoredSecret.external());
        assertThat(home.resolve(ProviderXml.FILE_NAME)).content()
                .contains("<CLIENT_SECRET>USING_ENVIRONMENT_PROPERTY</CLIENT_SECRET>")
                .doesNotContain("typed-into-the-form");
    }

    @Test
    void savingAConnectorWhoseSecretComesFromTheStaticNameStoresThePlaceholder() {
        ConfigurationHolder holder = new ConfigurationHolder(LanyardConfiguration.empty());
        ConfigurationService service = service(holder,
                environment(SecretPropertyNames.CONNECTOR_STATIC, "from-the-environment"));

        service.save(connector("abcdef123456", "Contoso").toBuilder()
                .clientSecret(plaintext("typed-into-the-form")).build());

        assertThat(IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR,
                home).load().get(0).clientSecret()).isEqualTo(StoredSecret.external());
    }

    @Test
    void withoutAVariableATypedSecretIsStoredAsItIs() {
        ConfigurationHolder holder = new ConfigurationHolder(LanyardConfiguration.empty());
        ConfigurationService service = service(holder,
                environment(SecretPropertyNames.identityProvider("someoneElse"), "not-for-this-provider"));

        service.save(provider("aaa", "First").toBuilder().clientSecret(plaintext("typed")).build());

        assertThat(holder.current().identityProviders().get(0).clientSecret()).isEqualTo(plaintext("typed"));
    }

    @Test
    void aChangeThatBreaksTheWholeConfigurationIsRefusedBeforeAnythingIsWritten() {
        ConfigurationHolder holder = new ConfigurationHolder(LanyardConfiguration.empty());

        assertThatThrownBy(() -> service(holder).change(current -> new LanyardConfiguration(
                List.of(provider("aaa", "One"), provider("aaa", "Two")))))
                .isInstanceOf(ConfigurationException.class);
        assertThat(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home).exists()).isFalse();
        assertThat(holder.current().identityProviders()).isEmpty();
    }

    @Test
    void anEmptySecretFieldKeepsTheStoredSecretAndATypedOneReplacesIt() {
        StoredSecret stored = plaintext("old-secret");

        assertThat(SecretUpdate.fromForm("", false).applyTo(stored)).isEqualTo(stored);
        assertThat(SecretUpdate.fromForm(null, false).applyTo(stored)).isEqualTo(stored);
        assertThat(SecretUpdate.fromForm("", true).applyTo(stored)).isEqualTo(StoredSecret.none());
        assertThat(SecretUpdate.fromForm("new-secret", true).applyTo(stored)).isEqualTo(plaintext("new-secret"));
        assertThat(SecretUpdate.fromForm("new-secret", false).toString()).doesNotContain("new-secret");
    }
}
