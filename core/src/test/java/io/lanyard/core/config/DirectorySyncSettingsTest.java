package io.lanyard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.DirectorySyncSettings.GroupScope;
import io.lanyard.core.config.DirectorySyncSettings.UserScope;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connector's directory sync settings: the defaults, every rule of the builder, and connector.xml both ways. */
class DirectorySyncSettingsTest {

    private static final String GROUP = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";

    @TempDir
    Path directory;

    @Test
    void offByDefaultWithTheDocumentedDefaults() {
        DirectorySyncSettings settings = DirectorySyncSettings.defaults();

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.users()).isEqualTo(UserScope.ALL);
        assertThat(settings.groups()).isEqualTo(GroupScope.NONE);
        assertThat(settings.usernameAttribute()).isEqualTo("userPrincipalName");
        assertThat(settings.safetyStopPercent()).isEqualTo(10);
        assertThat(settings.deactivationGrace()).isZero();
        assertThat(connector(s -> { }).sync()).isEqualTo(settings);
    }

    @Test
    void eachRuleNamesItsField() {
        refused(s -> s.interval(Duration.ofMinutes(1)), "syncIntervalMinutes");
        refused(s -> s.users(UserScope.GROUP_MEMBERS), "syncUserGroups");
        refused(s -> s.users(UserScope.FILTER), "syncUserFilter");
        refused(s -> s.users(UserScope.FILTER).userFilter("a eq 'b'\nc"), "syncUserFilter");
        refused(s -> s.groups(GroupScope.CHOSEN), "syncGroupIds");
        refused(s -> s.groupIds(List.of("not-a-guid")), "syncGroupIds");
        refused(s -> s.groups(GroupScope.NAME_PATTERN), "syncGroupNamePattern");
        refused(s -> s.groupNamePattern("(unclosed"), "syncGroupNamePattern");
        refused(s -> s.usernameAttribute("displayName"), "syncUsernameAttribute");
        refused(s -> s.usernamePattern("[a-"), "syncUsernamePattern");
        refused(s -> s.deactivationGrace(Duration.ofDays(-1)), "syncDeactivationGraceDays");
        refused(s -> s.safetyStopPercent(101), "syncSafetyStopPercent");
    }

    @Test
    void anExtensionAttributeIsAUsernameAttribute() {
        assertThat(connector(s -> s.usernameAttribute("extension_0123456789abcdef0123456789abcdef_employeeId"))
                .sync().usernameAttribute()).isEqualTo("extension_0123456789abcdef0123456789abcdef_employeeId");
    }

    @Test
    void connectorXmlKeepsEverySetting() {
        EntraConnectorConfig connector = connector(s -> s.enabled(true).interval(Duration.ofMinutes(45))
                .users(UserScope.GROUP_MEMBERS).userGroups(List.of(GROUP)).groups(GroupScope.CHOSEN)
                .groupIds(List.of(GROUP)).groupPrefix("entra-").usernameAttribute("mail")
                .usernamePattern("(.*)@contoso\\.com").usernameLowerCase(true).directory("Internal directory")
                .defaultGroups(List.of("jira-software-users", "all staff")).deactivationGrace(Duration.ofDays(3))
                .safetyStopPercent(25));
        IntegrationXmlStore<EntraConnectorConfig> store = IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR,
                directory);

        store.save(List.of(connector));

        assertThat(store.load()).containsExactly(connector);
    }

    private static EntraConnectorConfig connector(Consumer<DirectorySyncSettingsBuilder> sync) {
        EntraConnectorConfigBuilder builder = EntraConnectorConfig.builder().id("wdlfqm6se9un").displayName("Contoso")
                .tenantId("contoso.onmicrosoft.com").clientId("11111111-2222-3333-4444-555555555555")
                .clientSecret(StoredSecret.plaintext(Secret.of("s3cret")));
        sync.accept(builder.sync());
        return builder.build();
    }

    private static void refused(Consumer<DirectorySyncSettingsBuilder> sync, String field) {
        assertThatThrownBy(() -> connector(sync)).isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
            assertThat(e.fieldErrors()).extracting(FieldError::field).contains(field);
        });
    }
}
