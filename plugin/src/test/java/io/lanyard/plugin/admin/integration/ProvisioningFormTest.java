package io.lanyard.plugin.admin.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.GroupSyncSettings.DefaultGroupsFor;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.ProvisioningSettings;
import io.lanyard.core.config.ProvisioningSettingsBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The users-and-groups part of a provider's admin form and JSON document: what is shown is what is saved. */
class ProvisioningFormTest {

    private static final ProvisioningSettings EVERYTHING = ProvisioningSettings.builder()
            .createUsers(true).userDirectory("Jira Internal Directory")
            .displayNameClaims(List.of("name", "given_name+family_name")).emailClaims(List.of("email", "upn"))
            .updateUsers(true).reactivateUsers(true).pinSubject(true).syncGroups(true)
            .groupsClaim("realm_access.roles")
            .groupMappings(List.of(new GroupMapping("engineering", "jira-developers"),
                    new GroupMapping("engineering", "confluence users"), new GroupMapping("a=b, c", "d")))
            .defaultGroups(List.of("jira-software-users", "everyone here")).defaultGroupsFor(DefaultGroupsFor.EVERY_LOGIN)
            .createGroups(true).includedGroupsPattern("team-.*").syncUnmappedGroups(true).groupNamePrefix("idp-")
            .groupNamePattern("/?(.+)").groupNameLowerCase(true).overageConnector("abcdef123456")
            .overageCacheTime(Duration.ofSeconds(120)).build();

    private static ProvisioningSettingsBuilder builder() {
        return ProvisioningSettings.builder();
    }

    @Test
    void theFormShowsEverySettingAndSavesItUnchanged() {
        ProvisioningSettingsBuilder builder = builder();
        List<FieldError> errors = new ArrayList<>();

        ProvisioningForm.of(EVERYTHING).applyTo(builder, errors);

        assertThat(errors).isEmpty();
        assertThat(builder.build()).isEqualTo(EVERYTHING);
    }

    @Test
    void theFormOfTheDefaultsSavesTheDefaults() {
        ProvisioningSettingsBuilder builder = builder();
        List<FieldError> errors = new ArrayList<>();

        ProvisioningForm.of(ProvisioningSettings.DEFAULT).applyTo(builder, errors);

        assertThat(errors).isEmpty();
        assertThat(builder.build()).isEqualTo(ProvisioningSettings.DEFAULT);
    }

    @Test
    void aMappingLineWithoutAnArrowAndAnUnknownChoiceAreNamed() {
        ProvisioningForm typed = ProvisioningForm.of(ProvisioningSettings.DEFAULT);
        ProvisioningForm wrong = new ProvisioningForm(typed.createUsers(), typed.userDirectory(),
                typed.displayNameClaims(), typed.emailClaims(), typed.updateUsers(), typed.reactivateUsers(),
                typed.pinSubject(), true, typed.groupsClaim(), "engineering => developers\nengineering developers",
                typed.defaultGroups(), "SOMETIMES", typed.createGroups(), typed.includedGroups(),
                typed.includedGroupsPattern(), typed.syncUnmappedGroups(), typed.groupNamePrefix(),
                typed.groupNamePattern(), typed.groupNameLowerCase(), typed.overageConnector(), "a minute");
        List<FieldError> errors = new ArrayList<>();

        wrong.applyTo(builder(), errors);

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("groupMappings", "defaultGroupsFor", "overageCacheSeconds");
    }

    @Test
    void aPostedFormReadsItsFieldsBesideTheProvidersOwn() {
        Map<String, String> posted = Map.of("createUsers", "on", "syncGroups", "on",
                "groupMappings", "engineering => sandbox-developers\r\n\r\n", "defaultGroups", "sandbox-users",
                "defaultGroupsFor", "NEW_USERS", "overageCacheSeconds", "300", "usernameClaim", "preferred_username");

        IdentityProviderForm form = IntegrationForm.read(IdentityProviderForm.class, "sandbox", posted::get);

        assertThat(form.id()).isEqualTo("sandbox");
        assertThat(form.usernameClaim()).isEqualTo("preferred_username");
        assertThat(form.provisioning().createUsers()).isTrue();
        assertThat(form.provisioning().pinSubject()).isFalse();
        ProvisioningSettingsBuilder builder = builder();
        List<FieldError> errors = new ArrayList<>();
        form.provisioning().applyTo(builder, errors);
        assertThat(errors).isEmpty();
        assertThat(builder.build().groups().mappings())
                .containsExactly(new GroupMapping("engineering", "sandbox-developers"));
        assertThat(form.toSoy()).containsEntry("groupMappings", "engineering => sandbox-developers\r\n\r\n")
                .containsEntry("usernameClaim", "preferred_username").doesNotContainKey("provisioning");
    }

    @Test
    void theJsonDocumentShowsEverySettingAndSavesItUnchanged() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(ProvisioningJson.of(EVERYTHING));
        ProvisioningSettingsBuilder builder = builder();
        List<FieldError> errors = new ArrayList<>();

        mapper.readValue(json, ProvisioningJson.class).applyTo(builder, errors);

        assertThat(errors).isEmpty();
        assertThat(builder.build()).isEqualTo(EVERYTHING);
    }

    @Test
    void anEmptyJsonDocumentTakesTheDefaultsAndAWrongChoiceIsNamed() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ProvisioningSettingsBuilder builder = builder();
        List<FieldError> errors = new ArrayList<>();
        mapper.readValue("{}", ProvisioningJson.class).applyTo(builder, errors);
        assertThat(errors).isEmpty();
        assertThat(builder.build()).isEqualTo(ProvisioningSettings.DEFAULT);

        mapper.readValue("{\"defaultGroupsFor\":\"never\",\"groupMappings\":[{\"providerGroup\":\"a\"}]}",
                ProvisioningJson.class).applyTo(builder, errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("defaultGroupsFor");
        assertThat(catchThrowableOfType(ConfigurationException.class, builder::build).fieldErrors())
                .extracting(FieldError::field).containsExactly("groupMappings");
    }
}
