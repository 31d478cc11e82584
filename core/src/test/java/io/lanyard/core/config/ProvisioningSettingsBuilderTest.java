package io.lanyard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every rule of the provisioning settings refuses its field with a reason, all at once. */
class ProvisioningSettingsBuilderTest {

    private static List<String> fieldsRefused(UnaryOperator<ProvisioningSettingsBuilder> settings) {
        return catchThrowableOfType(ConfigurationException.class, () -> settings.apply(ProvisioningSettings.builder())
                .build()).fieldErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void theDefaultsChangeNothing() {
        ProvisioningSettings settings = ProvisioningSettings.builder().build();

        assertThat(settings).isEqualTo(ProvisioningSettings.DEFAULT);
        assertThat(settings.accounts().create()).isFalse();
        assertThat(settings.groups().sync()).isFalse();
    }

    @Test
    void unmappedGroupsWithoutAPrefixAreRefusedBecauseLanyardCouldNotTellItsGroupsFromOthers() {
        assertThat(fieldsRefused(s -> s.syncUnmappedGroups(true))).containsExactly("groupNamePrefix");
        assertThat(fieldsRefused(s -> s.syncUnmappedGroups(true).groupNamePrefix("  "))).containsExactly(
                "groupNamePrefix");
    }

    @Test
    void eachInvalidFieldIsNamed() {
        assertThat(fieldsRefused(s -> s
                .includedGroups(List.of("a")).includedGroupsPattern("b")
                .groupNamePattern("(")
                .groupMappings(Arrays.asList(new GroupMapping(" ", "x"), new GroupMapping("a", "line\nbreak")))
                .defaultGroups(List.of("x".repeat(256)))
                .displayNameClaims(List.of("given name"))
                .emailClaims(List.of("a+b"))
                .groupsClaim("realm_access..roles")
                .overageConnector("Not-A-Connector")
                .overageCacheTime(Duration.ofDays(2))
                .defaultGroupsFor(null)))
                .containsExactlyInAnyOrder("includedGroupsPattern", "groupNamePattern", "groupMappings",
                        "groupMappings", "defaultGroups", "displayNameClaims", "emailClaims", "groupsClaim",
                        "overageConnector", "overageCacheSeconds", "defaultGroupsFor");
    }

    @Test
    void blankEntriesAreDroppedAndDuplicatesKeptOnce() {
        ProvisioningSettings settings = ProvisioningSettings.builder()
                .defaultGroups(Arrays.asList("jira-users", " ", null, "jira-users "))
                .groupMappings(List.of(new GroupMapping("a", "b"), new GroupMapping(" a", "b ")))
                .displayNameClaims(List.of()).build();

        assertThat(settings.groups().defaultGroups()).containsExactly("jira-users");
        assertThat(settings.groups().mappings()).containsExactly(new GroupMapping("a", "b"));
        assertThat(settings.accounts().displayNameClaims()).isEqualTo(AccountSettings.DEFAULT_DISPLAY_NAME_CLAIMS);
    }

    @Test
    void aProvidersBuilderReportsTheSettingsFieldsWithItsOwn() {
        IdentityProviderConfigBuilder builder = IdentityProviderConfig.builder().id("abc").displayName("x")
                .discoveryUrl("https://idp.example.com").clientId("c");
        builder.provisioning().overageConnector("nope");

        ConfigurationException refused = catchThrowableOfType(ConfigurationException.class, builder::build);

        assertThat(refused.fieldErrors()).extracting(FieldError::field).containsExactly("overageConnector");
    }
}
