package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.AccountSettings;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.GroupSyncSettings;
import io.lanyard.core.config.GroupSyncSettings.DefaultGroupsFor;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.ProvisioningSettings;
import io.lanyard.core.config.ProvisioningSettingsBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A provider's users and groups in the JSON API ({@code "provisioning": {...}} of an identity provider), in both
 * directions; absent fields take the defaults, which change nothing in the host.
 */
public record ProvisioningJson(
        Boolean createUsers,
        String userDirectory,
        List<String> displayNameClaims,
        List<String> emailClaims,
        Boolean updateUsers,
        Boolean reactivateUsers,
        Boolean pinSubject,
        Boolean syncGroups,
        String groupsClaim,
        List<Mapping> groupMappings,
        List<String> defaultGroups,
        String defaultGroupsFor,
        Boolean createGroups,
        List<String> includedGroups,
        String includedGroupsPattern,
        Boolean syncUnmappedGroups,
        String groupNamePrefix,
        String groupNamePattern,
        Boolean groupNameLowerCase,
        String overageConnector,
        Long overageCacheSeconds) {

    /** One row of the mapping table. */
    public record Mapping(String providerGroup, String hostGroup) {
    }

    static ProvisioningJson of(ProvisioningSettings settings) {
        AccountSettings a = settings.accounts();
        GroupSyncSettings g = settings.groups();
        return new ProvisioningJson(a.create(), a.directory().orElse(null), a.displayNameClaims(), a.emailClaims(),
                a.update(), a.reactivate(), a.pinSubject(), g.sync(), g.claim(),
                g.mappings().stream().map(m -> new Mapping(m.providerGroup(), m.hostGroup())).toList(),
                g.defaultGroups(), g.defaultGroupsFor().name(), g.createGroups(), g.included(),
                g.includedPattern().orElse(null), g.syncUnmapped(), g.prefix(), g.namePattern().orElse(null),
                g.lowerCase(), g.overageConnector().orElse(null), g.overageCacheTime().toSeconds());
    }

    /** Puts what the document gives into {@code builder}; what cannot even be parsed is added to {@code errors}. */
    void applyTo(ProvisioningSettingsBuilder builder, List<FieldError> errors) {
        builder.createUsers(Boolean.TRUE.equals(createUsers)).userDirectory(userDirectory)
                .updateUsers(Boolean.TRUE.equals(updateUsers)).reactivateUsers(Boolean.TRUE.equals(reactivateUsers))
                .pinSubject(Boolean.TRUE.equals(pinSubject)).syncGroups(Boolean.TRUE.equals(syncGroups))
                .groupsClaim(groupsClaim).createGroups(Boolean.TRUE.equals(createGroups))
                .includedGroupsPattern(includedGroupsPattern)
                .syncUnmappedGroups(Boolean.TRUE.equals(syncUnmappedGroups)).groupNamePattern(groupNamePattern)
                .groupNameLowerCase(Boolean.TRUE.equals(groupNameLowerCase)).overageConnector(overageConnector);
        Optional.ofNullable(displayNameClaims).ifPresent(builder::displayNameClaims);
        Optional.ofNullable(emailClaims).ifPresent(builder::emailClaims);
        Optional.ofNullable(defaultGroups).ifPresent(builder::defaultGroups);
        Optional.ofNullable(includedGroups).ifPresent(builder::includedGroups);
        Optional.ofNullable(groupNamePrefix).ifPresent(builder::groupNamePrefix);
        Optional.ofNullable(overageCacheSeconds).map(Duration::ofSeconds).ifPresent(builder::overageCacheTime);
        Optional.ofNullable(groupMappings).ifPresent(rows -> builder.groupMappings(rows.stream()
                .map(row -> row == null ? null : new GroupMapping(blankIfNull(row.providerGroup()),
                        blankIfNull(row.hostGroup()))).toList()));
        if (defaultGroupsFor != null) {
            Arrays.stream(DefaultGroupsFor.values()).filter(value -> value.name().equals(defaultGroupsFor))
                    .findFirst().ifPresentOrElse(builder::defaultGroupsFor, () -> errors.add(
                            new FieldError("defaultGroupsFor", "must be NEW_USERS or EVERY_LOGIN")));
        }
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }
}
