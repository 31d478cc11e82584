package io.lanyard.plugin.admin.integration;

import static io.lanyard.plugin.admin.integration.FormLayout.Field.checkbox;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.number;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.select;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.text;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.textarea;

import io.lanyard.core.config.AccountSettings;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.GroupSyncSettings;
import io.lanyard.core.config.GroupSyncSettings.DefaultGroupsFor;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.ProvisioningSettings;
import io.lanyard.core.config.ProvisioningSettingsBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A provider form's users-and-groups part, as typed ({@link ProvisioningSettings}): check boxes, texts, and text areas
 * with one entry per line (group names; the mapping table as {@code provider group => host group}, a line per host
 * group, so that names may hold spaces, commas and {@code =}).
 */
public record ProvisioningForm(
        boolean createUsers,
        String userDirectory,
        String displayNameClaims,
        String emailClaims,
        boolean updateUsers,
        boolean reactivateUsers,
        boolean pinSubject,
        boolean syncGroups,
        String groupsClaim,
        String groupMappings,
        String defaultGroups,
        String defaultGroupsFor,
        boolean createGroups,
        String includedGroups,
        String includedGroupsPattern,
        boolean syncUnmappedGroups,
        String groupNamePrefix,
        String groupNamePattern,
        boolean groupNameLowerCase,
        String overageConnector,
        String overageCacheSeconds) {

    /** Separates a mapping line's provider group from its host group. */
    static final String ARROW = "=>";
    private static final Pattern LINES = Pattern.compile("\\R");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The account fields, for the "Users" section after the username fields. */
    static final List<FormLayout.Field> ACCOUNT_FIELDS = List.of(
            checkbox("createUsers"),
            text("userDirectory").asAdvanced(),
            text("displayNameClaims").asAdvanced(),
            text("emailClaims").asAdvanced(),
            checkbox("updateUsers"),
            checkbox("reactivateUsers").asAdvanced(),
            checkbox("pinSubject"));

    /** The "Groups" section. */
    static final List<FormLayout.Field> GROUP_FIELDS = List.of(
            checkbox("syncGroups"),
            text("groupsClaim"),
            textarea("groupMappings").withPlaceholder("engineering => jira-software-users"),
            textarea("defaultGroups").withPlaceholder("jira-software-users"),
            select("defaultGroupsFor", Arrays.stream(DefaultGroupsFor.values()).map(Enum::name).toList(),
                    "lanyard.admin.option."),
            checkbox("createGroups").asAdvanced(),
            textarea("includedGroups").asAdvanced(),
            text("includedGroupsPattern").asAdvanced(),
            checkbox("syncUnmappedGroups").asAdvanced(),
            text("groupNamePrefix").asAdvanced(),
            text("groupNamePattern").asAdvanced(),
            checkbox("groupNameLowerCase").asAdvanced(),
            text("overageConnector").asAdvanced(),
            number("overageCacheSeconds").asAdvanced());

    public static ProvisioningForm of(ProvisioningSettings settings) {
        AccountSettings a = settings.accounts();
        GroupSyncSettings g = settings.groups();
        return new ProvisioningForm(a.create(), a.directory().orElse(""), String.join(" ", a.displayNameClaims()),
                String.join(" ", a.emailClaims()), a.update(), a.reactivate(), a.pinSubject(), g.sync(), g.claim(),
                g.mappings().stream().map(m -> m.providerGroup() + " " + ARROW + " " + m.hostGroup())
                        .collect(Collectors.joining("\n")),
                String.join("\n", g.defaultGroups()), g.defaultGroupsFor().name(), g.createGroups(),
                String.join("\n", g.included()), g.includedPattern().orElse(""), g.syncUnmapped(), g.prefix(),
                g.namePattern().orElse(""), g.lowerCase(), g.overageConnector().orElse(""),
                Long.toString(g.overageCacheTime().toSeconds()));
    }

    /** Puts the typed values into {@code builder}; what cannot even be parsed is added to {@code errors}. */
    void applyTo(ProvisioningSettingsBuilder builder, List<FieldError> errors) {
        builder.createUsers(createUsers).userDirectory(userDirectory).displayNameClaims(words(displayNameClaims))
                .emailClaims(words(emailClaims)).updateUsers(updateUsers).reactivateUsers(reactivateUsers)
                .pinSubject(pinSubject).syncGroups(syncGroups).groupsClaim(groupsClaim)
                .groupMappings(mappings(errors)).defaultGroups(lines(defaultGroups)).createGroups(createGroups)
                .includedGroups(lines(includedGroups)).includedGroupsPattern(includedGroupsPattern)
                .syncUnmappedGroups(syncUnmappedGroups).groupNamePrefix(groupNamePrefix)
                .groupNamePattern(groupNamePattern).groupNameLowerCase(groupNameLowerCase)
                .overageConnector(overageConnector);
        Arrays.stream(DefaultGroupsFor.values()).filter(value -> value.name().equals(defaultGroupsFor.strip()))
                .findFirst().ifPresentOrElse(builder::defaultGroupsFor,
                        () -> errors.add(new FieldError("defaultGroupsFor", "must be NEW_USERS or EVERY_LOGIN")));
        String seconds = overageCacheSeconds.strip();
        if (!seconds.isEmpty()) {
            try {
                builder.overageCacheTime(Duration.ofSeconds(Long.parseLong(seconds)));
            } catch (NumberFormatException e) {
                errors.add(new FieldError("overageCacheSeconds", "must be a whole number of seconds"));
            }
        }
    }

    private List<GroupMapping> mappings(List<FieldError> errors) {
        List<GroupMapping> mappings = new ArrayList<>();
        for (String line : lines(groupMappings)) {
            int arrow = line.indexOf(ARROW);
            if (arrow < 0) {
                errors.add(new FieldError("groupMappings", "each line is a provider group, " + ARROW
                        + ", and a host group"));
                continue;
            }
            mappings.add(new GroupMapping(line.substring(0, arrow).strip(), line.substring(arrow + ARROW.length())
                    .strip()));
        }
        return mappings;
    }

    /** One entry per line; blank lines dropped. */
    /** The non-blank lines of a text area, stripped. */
    static List<String> lines(String text) {
        return LINES.splitAsStream(text).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static List<String> words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : List.of(WHITESPACE.split(stripped));
    }
}
