package io.lanyard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.xml.ProviderXmlStore;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationServiceTest {

    @TempDir
    Path home;

    private static IdentityProviderConfig provider(String id, String name) {
        return IdentityProviderConfig.builder().id(id).displayName(name)
                .discoveryUrl("https://idp.example.com/" + id).clientId("lanyard").build();
    }

    @Test
    void savedProviderIsStoredAndCurrentForTheNextReader() {
        ConfigurationHolder holder = new ConfigurationHolder(LanyardConfiguration.empty());
        ProviderXmlStore store = new ProviderXmlStore(home);
        ConfigurationService service = new ConfigurationService(holder, store);

        service.saveIdentityProvider(provider("aaa", "First"));

        assertThat(holder.current().identityProviders()).extracting(IdentityProviderConfig::id).containsExactly("aaa");
        assertThat(store.load()).isEqualTo(holder.current());
    }

    @Test
    void savingAnExistingIdReplacesItInPlace() {
        ConfigurationHolder holder = new ConfigurationHolder(
                new LanyardConfiguration(List.of(provider("aaa", "First"), provider("bbb", "Second"))));
        ConfigurationService service = new ConfigurationService(holder, new ProviderXmlStore(home));

        service.saveIdentityProvider(provider("aaa", "Renamed"));

        assertThat(holder.current().identityProviders()).extracting(IdentityProviderConfig::displayName)
                .containsExactly("Renamed", "Second");
    }

    @Test
    void deletingAnUnknownIdIsRefusedWithAdminNotFoundAndChangesNothing() {
        LanyardConfiguration before = new LanyardConfiguration(List.of(provider("aaa", "First")));
        ConfigurationHolder holder = new ConfigurationHolder(before);
        ProviderXmlStore store = new ProviderXmlStore(home);
        ConfigurationService service = new ConfigurationService(holder, store);

        assertThatThrownBy(() -> service.deleteIdentityProvider("zzz"))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ADMIN_NOT_FOUND));
        assertThat(holder.current()).isSameAs(before);
        assertThat(store.exists()).isFalse();
    }

    @Test
    void aFailedWriteLeavesTheRunningConfigurationAsItWas() throws Exception {
        Path notADirectory = Files.writeString(home.resolve("lanyard"), "a file where the folder should be");
        LanyardConfiguration before = new LanyardConfiguration(List.of(provider("aaa", "First")));
        ConfigurationHolder holder = new ConfigurationHolder(before);
        ConfigurationService service = new ConfigurationService(holder, new ProviderXmlStore(notADirectory));

        assertThatThrownBy(() -> service.saveIdentityProvider(provider("bbb", "Second")))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED));
        assertThat(holder.current()).isSameAs(before);
    }

    @Test
    void aChangeThatBreaksTheWholeConfigurationIsRefusedBeforeAnythingIsWritten() {
        ConfigurationHolder holder = new ConfigurationHolder(LanyardConfiguration.empty());
        ProviderXmlStore store = new ProviderXmlStore(home);
        ConfigurationService service = new ConfigurationService(holder, store);

        assertThatThrownBy(() -> service.change(current -> new LanyardConfiguration(
                List.of(provider("aaa", "One"), provider("aaa", "Two")))))
                .isInstanceOf(ConfigurationException.class);
        assertThat(store.exists()).isFalse();
        assertThat(holder.current().identityProviders()).isEmpty();
    }

    @Test
    void anEmptySecretFieldKeepsTheStoredSecretAndATypedOneReplacesIt() {
        StoredSecret stored = StoredSecret.plaintext(Secret.of("old-secret"));

        assertThat(SecretUpdate.fromForm("", false).applyTo(stored)).isEqualTo(stored);
        assertThat(SecretUpdate.fromForm(null, false).applyTo(stored)).isEqualTo(stored);
        assertThat(SecretUpdate.fromForm("", true).applyTo(stored)).isEqualTo(StoredSecret.none());
        assertThat(SecretUpdate.fromForm("new-secret", true).applyTo(stored))
                .isEqualTo(StoredSecret.plaintext(Secret.of("new-secret")));
        assertThat(SecretUpdate.fromForm("new-secret", false).toString()).doesNotContain("new-secret");
    }
}
