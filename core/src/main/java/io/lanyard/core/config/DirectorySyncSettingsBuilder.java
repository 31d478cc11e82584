package io.lanyard.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The directory sync part of a connector's builder ({@link EntraConnectorConfigBuilder#sync()}): what the XML file,
 * the admin form and the JSON API set, and the rules of the values. Errors are reported under the field names the
 * admin form and the JSON API use ({@code sync...}).
 */
public final class DirectorySyncSettingsBuilder {

    private static final Pattern OBJECT_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Graph's directory extension properties: {@code extension_<app id without dashes>_<name>}. */
    private static final Pattern EXTENSION = Pattern.compile("extension_[0-9a-fA-F]{32}_[A-Za-z0-9_]{1,100}");
    private static final List<String> USERNAME_ATTRIBUTES =
            List.of("userPrincipalName", "mail", "onPremisesSamAccountName");

    private boolean enabled;
    private Duration interval = DirectorySyncSettings.DEFAULT_INTERVAL;
    private DirectorySyncSettings.UserScope users = DirectorySyncSettings.UserScope.ALL;
    private List<String> userGroups = List.of();
    private String userFilter;
    private DirectorySyncSettings.GroupScope groups = DirectorySyncSettings.GroupScope.NONE;
    private List<String> groupIds = List.of();
    private String groupNamePattern;
    private String groupPrefix = "";
    private String usernameAttribute = DirectorySyncSettings.DEFAULT_USERNAME_ATTRIBUTE;
    private String usernamePattern;
    private boolean usernameLowerCase;
    private String directory;
    private List<String> defaultGroups = List.of();
    private Duration deactivationGrace = Duration.ZERO;
    private int safetyStopPercent = DirectorySyncSettings.DEFAULT_SAFETY_STOP_PERCENT;

    DirectorySyncSettingsBuilder() {
    }

    static DirectorySyncSettingsBuilder from(DirectorySyncSettings settings) {
        DirectorySyncSettingsBuilder b = new DirectorySyncSettingsBuilder();
        b.enabled = settings.enabled();
        b.interval = settings.interval();
        b.users = settings.users();
        b.userGroups = settings.userGroups();
        b.userFilter = settings.userFilter().orElse(null);
        b.groups = settings.groups();
        b.groupIds = settings.groupIds();
        b.groupNamePattern = settings.groupNamePattern().orElse(null);
        b.groupPrefix = settings.groupPrefix();
        b.usernameAttribute = settings.usernameAttribute();
        b.usernamePattern = settings.usernamePattern().orElse(null);
        b.usernameLowerCase = settings.usernameLowerCase();
        b.directory = settings.directory().orElse(null);
        b.defaultGroups = settings.defaultGroups();
        b.deactivationGrace = settings.deactivationGrace();
        b.safetyStopPercent = settings.safetyStopPercent();
        return b;
    }

    public DirectorySyncSettingsBuilder enabled(boolean value) { this.enabled = value; return this; }
    public DirectorySyncSettingsBuilder interval(Duration value) { this.interval = value; return this; }
    public DirectorySyncSettingsBuilder users(DirectorySyncSettings.UserScope value) { this.users = value; return this; }
    public DirectorySyncSettingsBuilder userGroups(List<String> value) { this.userGroups = value; return this; }
    public DirectorySyncSettingsBuilder userFilter(String value) { this.userFilter = value; return this; }
    public DirectorySyncSettingsBuilder groups(DirectorySyncSettings.GroupScope value) { this.groups = value; return this; }
    public DirectorySyncSettingsBuilder groupIds(List<String> value) { this.groupIds = value; return this; }
    public DirectorySyncSettingsBuilder groupNamePattern(String value) { this.groupNamePattern = value; return this; }
    public DirectorySyncSettingsBuilder groupPrefix(String value) { this.groupPrefix = value; return this; }
    public DirectorySyncSettingsBuilder usernameAttribute(String value) { this.usernameAttribute = value; return this; }
    public DirectorySyncSettingsBuilder usernamePattern(String value) { this.usernamePattern = value; return this; }
    public DirectorySyncSettingsBuilder usernameLowerCase(boolean value) { this.usernameLowerCase = value; return this; }
    /** Null or blank: the host's first writable directory. */
    public DirectorySyncSettingsBuilder directory(String value) { this.directory = value; return this; }
    public DirectorySyncSettingsBuilder defaultGroups(List<String> value) { this.defaultGroups = value; return this; }
    public DirectorySyncSettingsBuilder deactivationGrace(Duration value) { this.deactivationGrace = value; return this; }
    public DirectorySyncSettingsBuilder safetyStopPercent(int value) { this.safetyStopPercent = value; return this; }

    /** @throws ConfigurationException listing every invalid field */
    public DirectorySyncSettings build() {
        List<FieldError> errors = new ArrayList<>();
        DirectorySyncSettings settings = build(errors);
        if (!errors.isEmpty()) {
            throw new ConfigurationException("directory sync settings are invalid", errors);
        }
        return settings;
    }

    /** The settings, or null after adding every reason to {@code errors} (for the connector's builder). */
    DirectorySyncSettings build(List<FieldError> errors) {
        int before = errors.size();
        if (interval == null || interval.compareTo(DirectorySyncSettings.MIN_INTERVAL) < 0
                || interval.compareTo(DirectorySyncSettings.MAX_INTERVAL) > 0) {
            errors.add(new FieldError("syncIntervalMinutes", "must be between "
                    + DirectorySyncSettings.MIN_INTERVAL.toMinutes() + " and "
                    + DirectorySyncSettings.MAX_INTERVAL.toMinutes() + " minutes"));
        }
        if (users == null) {
            errors.add(new FieldError("syncUsers", "must be ALL, GROUP_MEMBERS or FILTER"));
        }
        if (groups == null) {
            errors.add(new FieldError("syncGroups", "must be NONE, CHOSEN, NAME_PATTERN or APP_ASSIGNED"));
        }
        List<String> checkedUserGroups = objectIds(errors, "syncUserGroups", userGroups);
        List<String> checkedGroupIds = objectIds(errors, "syncGroupIds", groupIds);
        Optional<String> filter = text(userFilter);
        if (users == DirectorySyncSettings.UserScope.GROUP_MEMBERS && checkedUserGroups.isEmpty()) {
            errors.add(new FieldError("syncUserGroups", "must name at least one group's object id"));
        }
        if (users == DirectorySyncSettings.UserScope.FILTER && filter.isEmpty()) {
            errors.add(new FieldError("syncUserFilter", "must be a Graph $filter on users"));
        }
        if (filter.isPresent() && (filter.get().length() > 2000 || FieldChecks.CONTROL.matcher(filter.get()).find())) {
            errors.add(new FieldError("syncUserFilter", "must be one line of at most 2000 characters"));
        }
        if (groups == DirectorySyncSettings.GroupScope.CHOSEN && checkedGroupIds.isEmpty()) {
            errors.add(new FieldError("syncGroupIds", "must name at least one group's object id"));
        }
        Optional<String> namePattern = regex(errors, "syncGroupNamePattern", groupNamePattern);
        if (groups == DirectorySyncSettings.GroupScope.NAME_PATTERN && namePattern.isEmpty()) {
            errors.add(new FieldError("syncGroupNamePattern", "must be a regular expression for group names"));
        }
        String prefix = groupPrefix == null ? "" : groupPrefix.strip();
        if (prefix.length() > 100 || FieldChecks.CONTROL.matcher(prefix).find()) {
            errors.add(new FieldError("syncGroupPrefix", "must be at most 100 characters on one line"));
        }
        String attribute = usernameAttribute == null ? "" : usernameAttribute.strip();
        if (!USERNAME_ATTRIBUTES.contains(attribute) && !EXTENSION.matcher(attribute).matches()) {
            errors.add(new FieldError("syncUsernameAttribute", "must be userPrincipalName, mail, "
                    + "onPremisesSamAccountName or an extension attribute extension_<app id>_<name>"));
        }
        Optional<String> pattern = regex(errors, "syncUsernamePattern", usernamePattern);
        List<String> groupsToJoin = defaultGroups == null ? List.of()
                : defaultGroups.stream().map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
        if (deactivationGrace == null || deactivationGrace.isNegative()
                || deactivationGrace.compareTo(DirectorySyncSettings.MAX_GRACE) > 0) {
            errors.add(new FieldError("syncDeactivationGraceDays", "must be between 0 and "
                    + DirectorySyncSettings.MAX_GRACE.toDays() + " days"));
        }
        if (safetyStopPercent < 0 || safetyStopPercent > 100) {
            errors.add(new FieldError("syncSafetyStopPercent", "must be between 0 and 100"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new DirectorySyncSettings(enabled, interval, users, checkedUserGroups, filter, groups, checkedGroupIds,
                namePattern, prefix, attribute, pattern, usernameLowerCase, text(directory), groupsToJoin,
                deactivationGrace, safetyStopPercent);
    }

    private static List<String> objectIds(List<FieldError> errors, String field, List<String> values) {
        List<String> checked = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String id = value == null ? "" : value.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!OBJECT_ID.matcher(id).matches()) {
                errors.add(new FieldError(field, "must hold groups' object ids (GUIDs); " + quoted(id) + " is not one"));
                return List.of();
            }
            if (!checked.contains(id.toLowerCase(java.util.Locale.ROOT))) {
                checked.add(id.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return List.copyOf(checked);
    }

    private static Optional<String> regex(List<FieldError> errors, String field, String value) {
        Optional<String> given = text(value);
        if (given.isPresent()) {
            try {
                Pattern.compile(given.get());
            } catch (PatternSyntaxException e) {
                errors.add(new FieldError(field, "is not a valid regular expression"));
                return Optional.empty();
            }
        }
        return given;
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String quoted(String value) {
        return "\"" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "\"";
    }
}
