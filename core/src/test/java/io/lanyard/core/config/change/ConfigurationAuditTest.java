package io.lanyard.core.config.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.cluster.LocalClusterState;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.ConfigurationFiles;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONFIGURATION_CHANGED: who, which integration, each field with its old and new value, secrets only "changed". */
class ConfigurationAuditTest {

    @TempDir
    Path home;

    private final List<AuditEvent> events = new ArrayList<>();

    private ConfigurationService service() {
        return new ConfigurationService(new ConfigurationHolder(LanyardConfiguration.empty()),
                new ConfigurationFiles(home), new ClientSecretResolver(Map.of(), Map.of(), SecuredPropertyValues.none()),
                new LocalClusterState(Clock.systemUTC()), events::add);
    }

    private static IdentityProviderConfig provider(String name, String secret) {
        return IdentityProviderConfig.builder().id("kc").displayName(name).discoveryUrl("https://idp.example.com/kc")
                .clientId("lanyard").clientSecret(StoredSecret.plaintext(Secret.of(secret))).build();
    }

    @Test
    void anEditNamesTheAdministratorAndEachChangedFieldWithOldAndNewValueButNeverTheSecret() {
        ConfigurationService service = service();
        service.save(provider("Keycloak", "first-secret-value"), "admin");
        events.clear();

        service.update(provider("Corporate Keycloak", "second-secret-value"), "alice");

        assertThat(events).hasSize(1);
        AuditEvent event = events.get(0);
        assertThat(event.type()).isEqualTo(AuditEventType.CONFIGURATION_CHANGED);
        assertThat(event.actor()).contains("alice");
        assertThat(event.integrationId()).contains("kc");
        assertThat(event.details()).containsEntry("change", "changed").containsEntry("kind", "identity provider")
                .containsEntry("DISPLAY_NAME.from", "Keycloak").containsEntry("DISPLAY_NAME.to", "Corporate Keycloak")
                .containsEntry("CLIENT_SECRET", AuditEvent.CHANGED).doesNotContainKey("DISCOVERY_URL.from");
        assertThat(event.toString()).doesNotContain("first-secret-value").doesNotContain("second-secret-value");
    }

    @Test
    void addingDisablingAndDeletingAreEachOneEvent() {
        ConfigurationService service = service();

        service.save(provider("Keycloak", "s3cret-value-1"), "admin");
        service.setEnabled(IntegrationKind.IDENTITY_PROVIDER, "kc", false, "admin");
        service.delete(IntegrationKind.IDENTITY_PROVIDER, "kc", "admin");

        assertThat(events).extracting(e -> e.details().get("change")).containsExactly("added", "changed", "removed");
        assertThat(events.get(0).details()).containsEntry("DISPLAY_NAME.to", "Keycloak")
                .containsEntry("CLIENT_SECRET", AuditEvent.CHANGED);
        assertThat(events.get(1).details()).containsEntry("ENABLED.from", "true").containsEntry("ENABLED.to", "false");
    }

    @Test
    void aSaveThatChangesNothingRecordsNothing() {
        ConfigurationService service = service();
        service.save(provider("Keycloak", "s3cret-value-1"), "admin");
        events.clear();

        service.save(provider("Keycloak", "s3cret-value-1"), "admin");

        assertThat(events).isEmpty();
    }
}
