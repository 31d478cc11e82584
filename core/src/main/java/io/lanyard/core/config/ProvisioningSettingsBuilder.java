package io.lanyard.core.config;

import io.lanyard.core.config.GroupSyncSettings.DefaultGroupsFor;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds valid {@link ProvisioningSettings} or reports every field that is wrong; the provider's builder calls it, so
 * that {@code provider.xml}, the admin form and the JSON API apply the same rules. Field names are the form's and the
 * JSON API's ({@code createUsers}, {@code groupMappings}, ...).
 */
public final class ProvisioningSettingsBuilder {

    /** Crowd keeps group names (and user names) of at most 255 characters. */
    static final int MAX_NAME_LENGTH = 255;
    /** The shape of an Entra ID connector's id ({@link IdGenerator#newConnectorId()}). */
    private static final Pattern CONNECTOR_ID = Pattern.compile("[a-z0-9]{12}");
    private static final Pattern CLAIM = Pattern.compile("[^\\s+]+");

    private boolean createUsers;
    private String userDirectory;
    private List<String> displayNameClaims = AccountSettings.DEFAULT_DISPLAY_NAME_CLAIMS;
    private List<String> emailClaims = AccountSettings.DEFAULT_EMAIL_CLAIMS;
    private boolean updateUsers;
    private boolean reactivateUsers;
    private boolean pinSubject;
    private boolean syncGroups;
    private String groupsClaim = GroupSyncSettings.DEFAULT_CLAIM;
    private Collection<String> includedGroups = List.of();
    private String includedGroupsPattern;
    private List<GroupMapping> groupMappings = List.of();
    private boolean syncUnmappedGroups;
    private String groupNamePrefix = "";
    private String groupNamePattern;
    private boolean groupNameLowerCase;
    private boolean createGroups;
    private Collection<String> defaultGroups = List.of();
    private DefaultGroupsFor defaultGroupsFor = DefaultGroupsFor.NEW_USERS;
    private String overageConnector;
    private Duration overageCacheTime = GroupSyncSettings.DEFAULT_OVERAGE_CACHE_TIME;

    ProvisioningSettingsBuilder() {
    }

    static ProvisioningSettingsBuilder from(ProvisioningSettings settings) {
        AccountSettings accounts = settings.accounts();
        GroupSyncSettings groups = settings.groups();
        return new ProvisioningSettingsBuilder()
                .createUsers(accounts.create())
                .userDirectory(accounts.directory().orElse(null))
                .displayNameClaims(accounts.displayNameClaims())
                .emailClaims(accounts.emailClaims())
                .updateUsers(accounts.update())
                .reactivateUsers(accounts.reactivate())
                .pinSubject(accounts.pinSubject())
                .syncGroups(groups.sync())
                .groupsClaim(groups.claim())
                .includedGroups(groups.included())
                .includedGroupsPattern(groups.includedPattern().orElse(null))
                .groupMappings(groups.mappings())
                .syncUnmappedGroups(groups.syncUnmapped())
                .groupNamePrefix(groups.prefix())
                .groupNamePattern(groups.namePattern().orElse(null))
                .groupNameLowerCase(groups.lowerCase())
                .createGroups(groups.createGroups())
                .defaultGroups(groups.defaultGroups())
                .defaultGroupsFor(groups.defaultGroupsFor())
                .overageConnector(groups.overageConnector().orElse(null))
                .overageCacheTime(groups.overageCacheTime());
    }

    public ProvisioningSettingsBuilder createUsers(boolean value) { this.createUsers = value; return this; }
    /** The directory's name; null or blank: the host's first writable directory. */
    public ProvisioningSettingsBuilder userDirectory(String value) { this.userDirectory = value; return this; }
    public ProvisioningSettingsBuilder displayNameClaims(List<String> value) { this.displayNameClaims = value; return this; }
    public ProvisioningSettingsBuilder emailClaims(List<String> value) { this.emailClaims = value; return this; }
    public ProvisioningSettingsBuilder updateUsers(boolean value) { this.updateUsers = value; return this; }
    public ProvisioningSettingsBuilder reactivateUsers(boolean value) { this.reactivateUsers = value; return this; }
    public ProvisioningSettingsBuilder pinSubject(boolean value) { this.pinSubject = value; return this; }
    public ProvisioningSettingsBuilder syncGroups(boolean value) { this.syncGroups = value; return this; }
    public ProvisioningSettingsBuilder groupsClaim(String value) { this.groupsClaim = value; return this; }
    public ProvisioningSettingsBuilder includedGroups(Collection<String> value) { this.includedGroups = value; return this; }
    public ProvisioningSettingsBuilder includedGroupsPattern(String value) { this.includedGroupsPattern = value; return this; }
    public ProvisioningSettingsBuilder groupMappings(List<GroupMapping> value) { this.groupMappings = value; return this; }
    public ProvisioningSettingsBuilder syncUnmappedGroups(boolean value) { this.syncUnmappedGroups = value; return this; }
    public ProvisioningSettingsBuilder groupNamePrefix(String value) { this.groupNamePrefix = value; return this; }
    public ProvisioningSettingsBuilder groupNamePattern(String value) { this.groupNamePattern = value; return this; }
    public ProvisioningSettingsBuilder groupNameLowerCase(boolean value) { this.groupNameLowerCase = value; return this; }
    public ProvisioningSettingsBuilder createGroups(boolean value) { this.createGroups = value; return this; }
    public ProvisioningSettingsBuilder defaultGroups(Collection<String> value) { this.defaultGroups = value; return this; }
    public ProvisioningSettingsBuilder defaultGroupsFor(DefaultGroupsFor value) { this.defaultGroupsFor = value; return this; }
    /** An Entra ID connector's id; null or blank: none. */
    public ProvisioningSettingsBuilder overageConnector(String value) { this.overageConnector = value; return this; }
    public ProvisioningSettingsBuilder overageCacheTime(Duration value) { this.overageCacheTime = value; return this; }

    /**
     * @throws ConfigurationException listing every invalid field
     */
    public ProvisioningSettings build() {
        List<FieldError> errors = new ArrayList<>();
        ProvisioningSettings settings = build(errors);
        if (!errors.isEmpty()) {
            throw new ConfigurationException("provisioning settings are invalid", errors);
        }
        return settings;
    }

    /** The settings, or null after adding the reasons to {@code errors}. */
    ProvisioningSettings build(List<FieldError> errors) {
        int before = errors.size();
        AccountSettings accounts = new AccountSettings(createUsers,
                optionalName(errors, "userDirectory", userDirectory), claims(errors, "displayNameClaims",
                        displayNameClaims, true, AccountSettings.DEFAULT_DISPLAY_NAME_CLAIMS),
                claims(errors, "emailClaims", emailClaims, false, AccountSettings.DEFAULT_EMAIL_CLAIMS), updateUsers,
                reactivateUsers, pinSubject);
        GroupSyncSettings groups = new GroupSyncSettings(syncGroups, groupsClaim(errors), names(errors,
                "includedGroups", includedGroups), pattern(errors, "includedGroupsPattern", includedGroupsPattern),
                mappings(errors), syncUnmappedGroups, prefix(errors), pattern(errors, "groupNamePattern",
                        groupNamePattern), groupNameLowerCase, createGroups, names(errors, "defaultGroups",
                        defaultGroups), defaultGroupsFor(errors),
                connector(errors), cacheTime(errors));
        if (!groups.included().isEmpty() && groups.includedPattern().isPresent()) {
            errors.add(new FieldError("includedGroupsPattern",
                    "give either a list of included groups or a pattern, not both"));
        }
        return errors.size() == before ? new ProvisioningSettings(accounts, groups) : null;
    }

    private static Optional<String> optionalName(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(FieldChecks.requireText(errors, field, value, MAX_NAME_LENGTH));
    }

    /** Claim names, or joined claims {@code a+b} where {@code joinable}; the defaults when none is given. */
    private static List<String> claims(List<FieldError> errors, String field, List<String> values, boolean joinable,
            List<String> defaults) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String entry = value.strip();
            boolean valid = joinable
                    ? List.of(entry.split(Pattern.quote(AccountSettings.JOIN), -1)).stream()
                            .allMatch(part -> CLAIM.matcher(part).matches())
                    : CLAIM.matcher(entry).matches();
            if (!valid) {
                errors.add(new FieldError(field, joinable
                        ? "each entry is a claim name, or claim names joined with +, without spaces"
                        : "each entry is a claim name without spaces"));
            } else {
                result.add(entry);
            }
        }
        return result.isEmpty() ? defaults : List.copyOf(result);
    }

    private String groupsClaim(List<FieldError> errors) {
        if (groupsClaim == null || groupsClaim.isBlank()) {
            return GroupSyncSettings.DEFAULT_CLAIM;
        }
        String claim = FieldChecks.requireText(errors, "groupsClaim", groupsClaim, 200);
        if (claim != null && (claim.startsWith(".") || claim.endsWith(".") || claim.contains(".."))) {
            errors.add(new FieldError("groupsClaim", "a path names claims separated by single dots"));
        }
        return claim == null ? GroupSyncSettings.DEFAULT_CLAIM : claim;
    }

    /** Group names: one line each, no control characters; blank entries are dropped, duplicates kept once. */
    private static List<String> names(List<FieldError> errors, String field, Collection<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String name = checkedName(errors, field, value);
            if (name != null) {
                result.add(name);
            }
        }
        return List.copyOf(result);
    }

    private static String checkedName(List<FieldError> errors, String field, String value) {
        String name = value.strip();
        if (FieldChecks.CONTROL.matcher(name).find()) {
            errors.add(new FieldError(field, "group names must not contain control characters"));
            return null;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError(field, "group names have at most " + MAX_NAME_LENGTH + " characters"));
            return null;
        }
        return name;
    }

    private List<GroupMapping> mappings(List<FieldError> errors) {
        Set<GroupMapping> result = new LinkedHashSet<>();
        for (GroupMapping mapping : groupMappings == null ? List.<GroupMapping>of() : groupMappings) {
            if (mapping == null || mapping.providerGroup().isBlank() || mapping.hostGroup().isBlank()) {
                errors.add(new FieldError("groupMappings", "each row names a provider group and a host group"));
                continue;
            }
            String from = checkedName(errors, "groupMappings", mapping.providerGroup());
            String to = checkedName(errors, "groupMappings", mapping.hostGroup());
            if (from != null && to != null) {
                result.add(new GroupMapping(from, to));
            }
        }
        return List.copyOf(result);
    }

    /**
     * Lanyard removes memberships only in the groups its rules cover; a provider group that no row maps can only be
     * told from the person's other groups by a prefix of its own.
     */
    private String prefix(List<FieldError> errors) {
        String value = groupNamePrefix == null ? "" : groupNamePrefix.strip();
        if (FieldChecks.CONTROL.matcher(value).find()) {
            errors.add(new FieldError("groupNamePrefix", "must not contain control characters"));
            return "";
        }
        if (value.length() > 100) {
            errors.add(new FieldError("groupNamePrefix", "must be at most 100 characters"));
            return "";
        }
        if (syncUnmappedGroups && value.isEmpty()) {
            errors.add(new FieldError("groupNamePrefix", "must be given when unmapped groups are synchronised: it is "
                    + "what tells the groups Lanyard manages from the person's other groups"));
        }
        return value;
    }

    private static Optional<String> pattern(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Pattern.compile(value.strip());
        } catch (PatternSyntaxException e) {
            errors.add(new FieldError(field, "is not a valid regular expression: " + e.getDescription()));
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    private DefaultGroupsFor defaultGroupsFor(List<FieldError> errors) {
        if (defaultGroupsFor == null) {
            errors.add(new FieldError("defaultGroupsFor", "must be NEW_USERS or EVERY_LOGIN"));
            return DefaultGroupsFor.NEW_USERS;
        }
        return defaultGroupsFor;
    }

    private Optional<String> connector(List<FieldError> errors) {
        if (overageConnector == null || overageConnector.isBlank()) {
            return Optional.empty();
        }
        String id = overageConnector.strip();
        if (!CONNECTOR_ID.matcher(id).matches()) {
            errors.add(new FieldError("overageConnector", "must be the id of an Entra ID connector (12 lower-case "
                    + "letters and digits), as Cloud integration shows it"));
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private Duration cacheTime(List<FieldError> errors) {
        Duration max = GroupSyncSettings.MAX_OVERAGE_CACHE_TIME;
        if (overageCacheTime == null || overageCacheTime.isNegative() || overageCacheTime.compareTo(max) > 0) {
            errors.add(new FieldError("overageCacheSeconds", "must be between 0 and " + max.toSeconds() + " seconds"));
            return GroupSyncSettings.DEFAULT_OVERAGE_CACHE_TIME;
        }
        return overageCacheTime;
    }
}
