package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.ProviderXmlFixtures.document;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.provider;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.writeFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.GroupSyncSettings;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.ProvisioningSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider's users-and-groups elements in provider.xml: absent means today's behaviour; lists are items. */
class ProvisioningXmlTest {

    @TempDir
    Path directory;

    private IdentityProviderConfig load(String... elements) {
        writeFile(directory, document(provider("abc", elements)));
        return IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory).load().get(0);
    }

    private List<FieldError> errors(String... elements) {
        writeFile(directory, document(provider("abc", elements)));
        return catchThrowableOfType(ConfigurationException.class,
                () -> IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory).load()).fieldErrors();
    }

    @Test
    void aFileWithoutTheElementsCreatesNothingAndSyncsNothing() {
        assertThat(load().provisioning()).isEqualTo(ProvisioningSettings.DEFAULT);
        assertThat(ProvisioningSettings.DEFAULT.writesMemberships()).isFalse();
    }

    @Test
    void mappingsAndGroupListsAreItemsWhoseNamesMayHoldSpacesCommasAndEqualSigns() {
        GroupSyncSettings groups = load("<SYNC_GROUPS>true</SYNC_GROUPS>",
                "<GROUP_MAPPINGS>",
                "  <MAPPING provider=\"CN=Jira Admins,OU=Groups,DC=corp\" host=\"jira-administrators\"/>",
                "  <MAPPING provider=\"Sales, EMEA\" host=\"jira &amp; sales\"/>",
                "</GROUP_MAPPINGS>",
                "<DEFAULT_GROUPS><GROUP name=\"jira-software-users\"/></DEFAULT_GROUPS>").provisioning().groups();

        assertThat(groups.mappings()).containsExactly(
                new GroupMapping("CN=Jira Admins,OU=Groups,DC=corp", "jira-administrators"),
                new GroupMapping("Sales, EMEA", "jira & sales"));
        assertThat(groups.defaultGroups()).containsExactly("jira-software-users");
    }

    @Test
    void aListElementWithTextAnUnknownAttributeOrAMissingOneIsRefusedByName() {
        assertThat(errors("<DEFAULT_GROUPS>jira-users</DEFAULT_GROUPS>")).containsExactly(new FieldError(
                "providers[abc].defaultGroups", "<DEFAULT_GROUPS> holds only <GROUP/> elements"));
        assertThat(errors("<GROUP_MAPPINGS><MAPPING provider=\"a\" host=\"b\" extra=\"c\"/></GROUP_MAPPINGS>"))
                .containsExactly(new FieldError("providers[abc].groupMappings",
                        "unknown attribute extra on <MAPPING> in <GROUP_MAPPINGS>"));
        assertThat(errors("<GROUP_MAPPINGS><MAPPING provider=\"a\"/></GROUP_MAPPINGS>")).containsExactly(
                new FieldError("providers[abc].groupMappings", "<MAPPING> in <GROUP_MAPPINGS> lacks the attribute host"));
        assertThat(errors("<INCLUDED_GROUPS><GROUP name=\"a\">text</GROUP></INCLUDED_GROUPS>")).containsExactly(
                new FieldError("providers[abc].includedGroups",
                        "<GROUP> in <INCLUDED_GROUPS> must be empty (its values are attributes)"));
    }

    @Test
    void theBuildersRulesApplyToTheFileAsToTheAdminPages() {
        assertThat(errors("<SYNC_UNMAPPED_GROUPS>true</SYNC_UNMAPPED_GROUPS>")).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("providers[abc].groupNamePrefix"));
        assertThat(errors("<DEFAULT_GROUPS_FOR>SOMETIMES</DEFAULT_GROUPS_FOR>")).containsExactly(new FieldError(
                "providers[abc].defaultGroupsFor", "must be NEW_USERS or EVERY_LOGIN"));
        assertThat(errors("<OVERAGE_CACHE_SECONDS>many</OVERAGE_CACHE_SECONDS>")).containsExactly(new FieldError(
                "providers[abc].overageCacheSeconds", "must be a whole number of seconds"));
    }
}
