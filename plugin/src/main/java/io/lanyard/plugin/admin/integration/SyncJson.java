package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.DirectorySyncSettings;
import io.lanyard.core.config.DirectorySyncSettings.GroupScope;
import io.lanyard.core.config.DirectorySyncSettings.UserScope;
import io.lanyard.core.config.DirectorySyncSettingsBuilder;
import io.lanyard.core.config.FieldError;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A connector's directory sync in the JSON API and export, in both directions; absent values keep the defaults (sync
 * off). Field names as {@code connector.xml}'s errors give them.
 */
public record SyncJson(
        Boolean enabled,
        Long intervalMinutes,
        String users,
        List<String> userGroups,
        String userFilter,
        String groups,
        List<String> groupIds,
        String groupNamePattern,
        String groupPrefix,
        String usernameAttribute,
        String usernamePattern,
        Boolean usernameLowerCase,
        String directory,
        List<String> defaultGroups,
        Long deactivationGraceDays,
        Integer safetyStopPercent) {

    static SyncJson of(DirectorySyncSettings s) {
        return new SyncJson(s.enabled(), s.interval().toMinutes(), s.users().name(), s.userGroups(),
                s.userFilter().orElse(null), s.groups().name(), s.groupIds(), s.groupNamePattern().orElse(null),
                s.groupPrefix(), s.usernameAttribute(), s.usernamePattern().orElse(null), s.usernameLowerCase(),
                s.directory().orElse(null), s.defaultGroups(), s.deactivationGrace().toDays(), s.safetyStopPercent());
    }

    void applyTo(DirectorySyncSettingsBuilder b, List<FieldError> errors) {
        if (enabled != null) {
            b.enabled(enabled);
        }
        if (intervalMinutes != null) {
            b.interval(Duration.ofMinutes(intervalMinutes));
        }
        if (users != null) {
            Arrays.stream(UserScope.values()).filter(v -> v.name().equals(users)).findFirst().ifPresentOrElse(b::users,
                    () -> errors.add(new FieldError("syncUsers", "must be ALL, GROUP_MEMBERS or FILTER")));
        }
        if (groups != null) {
            Arrays.stream(GroupScope.values()).filter(v -> v.name().equals(groups)).findFirst()
                    .ifPresentOrElse(b::groups, () -> errors.add(new FieldError("syncGroups",
                            "must be NONE, CHOSEN, NAME_PATTERN or APP_ASSIGNED")));
        }
        b.userGroups(userGroups == null ? List.of() : userGroups).userFilter(userFilter)
                .groupIds(groupIds == null ? List.of() : groupIds).groupNamePattern(groupNamePattern)
                .groupPrefix(groupPrefix == null ? "" : groupPrefix).directory(directory)
                .usernamePattern(usernamePattern).usernameLowerCase(Boolean.TRUE.equals(usernameLowerCase))
                .defaultGroups(defaultGroups == null ? List.of() : defaultGroups);
        if (usernameAttribute != null) {
            b.usernameAttribute(usernameAttribute);
        }
        if (deactivationGraceDays != null) {
            b.deactivationGrace(Duration.ofDays(deactivationGraceDays));
        }
        if (safetyStopPercent != null) {
            b.safetyStopPercent(safetyStopPercent);
        }
    }
}
