package io.lanyard.plugin.admin.integration;

import static io.lanyard.plugin.admin.integration.FormLayout.Field.checkbox;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.number;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.select;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.text;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.textarea;

import io.lanyard.core.config.DirectorySyncSettings;
import io.lanyard.core.config.DirectorySyncSettings.GroupScope;
import io.lanyard.core.config.DirectorySyncSettings.UserScope;
import io.lanyard.core.config.DirectorySyncSettingsBuilder;
import io.lanyard.core.config.FieldError;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A connector form's directory sync part, as typed ({@link DirectorySyncSettings}): check boxes, texts, numbers, and
 * text areas with one entry per line (group object ids, default groups).
 */
public record SyncForm(
        boolean syncEnabled,
        String syncIntervalMinutes,
        String syncUsers,
        String syncUserGroups,
        String syncUserFilter,
        String syncGroups,
        String syncGroupIds,
        String syncGroupNamePattern,
        String syncGroupPrefix,
        String syncUsernameAttribute,
        String syncUsernamePattern,
        boolean syncUsernameLowerCase,
        String syncDirectory,
        String syncDefaultGroups,
        String syncDeactivationGraceDays,
        String syncSafetyStopPercent) {

    /** The "Directory sync" section. */
    static final List<FormLayout.Field> FIELDS = List.of(
            checkbox("syncEnabled"),
            number("syncIntervalMinutes"),
            select("syncUsers", Arrays.stream(UserScope.values()).map(Enum::name).toList(),
                    "lanyard.admin.option.syncUsers."),
            textarea("syncUserGroups").withPlaceholder("00000000-0000-0000-0000-000000000000"),
            text("syncUserFilter").withPlaceholder("department eq 'Sales'"),
            select("syncGroups", Arrays.stream(GroupScope.values()).map(Enum::name).toList(),
                    "lanyard.admin.option.syncGroups."),
            textarea("syncGroupIds").withPlaceholder("00000000-0000-0000-0000-000000000000"),
            text("syncGroupNamePattern").withPlaceholder("jira-.*"),
            text("syncGroupPrefix").asAdvanced(),
            text("syncUsernameAttribute"),
            text("syncUsernamePattern").withPlaceholder("(.*)@contoso\\.com"),
            checkbox("syncUsernameLowerCase"),
            text("syncDirectory").asAdvanced(),
            textarea("syncDefaultGroups").withPlaceholder("jira-software-users"),
            number("syncDeactivationGraceDays").asAdvanced(),
            number("syncSafetyStopPercent").asAdvanced());

    public static SyncForm of(DirectorySyncSettings s) {
        return new SyncForm(s.enabled(), Long.toString(s.interval().toMinutes()), s.users().name(),
                String.join("\n", s.userGroups()), s.userFilter().orElse(""), s.groups().name(),
                String.join("\n", s.groupIds()), s.groupNamePattern().orElse(""), s.groupPrefix(),
                s.usernameAttribute(), s.usernamePattern().orElse(""), s.usernameLowerCase(),
                s.directory().orElse(""), String.join("\n", s.defaultGroups()),
                Long.toString(s.deactivationGrace().toDays()), Integer.toString(s.safetyStopPercent()));
    }

    /** Puts the typed values into {@code builder}; what cannot even be parsed is added to {@code errors}. */
    void applyTo(DirectorySyncSettingsBuilder builder, List<FieldError> errors) {
        builder.enabled(syncEnabled).userGroups(ProvisioningForm.lines(syncUserGroups)).userFilter(syncUserFilter)
                .groupIds(ProvisioningForm.lines(syncGroupIds)).groupNamePattern(syncGroupNamePattern).groupPrefix(syncGroupPrefix)
                .usernamePattern(syncUsernamePattern)
                .usernameLowerCase(syncUsernameLowerCase).directory(syncDirectory)
                .defaultGroups(ProvisioningForm.lines(syncDefaultGroups));
        if (!syncUsernameAttribute.isBlank()) {
            builder.usernameAttribute(syncUsernameAttribute); // a page without the field keeps the default
        }
        named(UserScope.class, syncUsers, "syncUsers", "must be ALL, GROUP_MEMBERS or FILTER", builder::users, errors);
        named(GroupScope.class, syncGroups, "syncGroups", "must be NONE, CHOSEN, NAME_PATTERN or APP_ASSIGNED",
                builder::groups, errors);
        wholeNumber(syncIntervalMinutes, "syncIntervalMinutes", "minutes",
                value -> builder.interval(Duration.ofMinutes(value)), errors);
        wholeNumber(syncDeactivationGraceDays, "syncDeactivationGraceDays", "days",
                value -> builder.deactivationGrace(Duration.ofDays(value)), errors);
        wholeNumber(syncSafetyStopPercent, "syncSafetyStopPercent", "percent",
                value -> builder.safetyStopPercent((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
                        value))), errors);
    }

    private static <E extends Enum<E>> void named(Class<E> type, String value, String field, String rule,
            Consumer<E> set, List<FieldError> errors) {
        String name = value.strip();
        if (name.isEmpty()) {
            return; // an older page without the field: the default stays
        }
        Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst()
                .ifPresentOrElse(set, () -> errors.add(new FieldError(field, rule)));
    }

    private static void wholeNumber(String value, String field, String unit, Consumer<Long> set,
            List<FieldError> errors) {
        String text = value.strip();
        if (text.isEmpty()) {
            return;
        }
        try {
            set.accept(Long.parseLong(text));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number of " + unit));
        }
    }
}
