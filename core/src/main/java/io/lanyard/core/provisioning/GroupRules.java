package io.lanyard.core.provisioning;

import io.lanyard.core.config.GroupSyncSettings;
import io.lanyard.core.config.GroupSyncSettings.DefaultGroupsFor;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One provider's group rules, compiled once from its {@link GroupSyncSettings}: which of the provider's groups count,
 * which host groups they mean, and which host groups Lanyard manages at all. Pure decisions, no host call; immutable
 * and thread-safe. Names compare case-insensitively, as the Atlassian products compare group names.
 */
public final class GroupRules {

    private final GroupSyncSettings settings;
    private final Set<String> included;
    private final Optional<Pattern> includedPattern;
    private final Map<String, List<GroupMapping>> mappingsByProviderGroup;
    private final Set<String> mappedHostGroups;
    private final Optional<Pattern> namePattern;
    private final String prefixKey;
    private final Set<String> defaultGroups;

    public GroupRules(GroupSyncSettings settings) {
        this.settings = settings;
        this.included = new HashSet<>();
        settings.included().forEach(name -> included.add(key(name)));
        this.includedPattern = settings.includedPattern().map(Pattern::compile);
        this.mappingsByProviderGroup = new HashMap<>();
        this.mappedHostGroups = new HashSet<>();
        for (GroupMapping mapping : settings.mappings()) {
            mappingsByProviderGroup.computeIfAbsent(key(mapping.providerGroup()), k -> new ArrayList<>()).add(mapping);
            mappedHostGroups.add(key(mapping.hostGroup()));
        }
        this.namePattern = settings.namePattern().map(Pattern::compile);
        this.prefixKey = key(settings.prefix());
        this.defaultGroups = new HashSet<>();
        settings.defaultGroups().forEach(name -> defaultGroups.add(key(name)));
    }

    public GroupSyncSettings settings() {
        return settings;
    }

    /** A host group Lanyard wants the person in, and the rule that wants it. */
    public record Wanted(String group, String rule) {
    }

    /**
     * The host groups the person should be in, by {@link #key} of the name, in the order the rules produce them.
     *
     * @param groups  the provider's groups (ignored when group sync is off)
     * @param newUser whether the account was created by this login (default groups for new users)
     */
    public Map<String, Wanted> desired(List<ProviderGroup> groups, boolean newUser) {
        Map<String, Wanted> desired = new LinkedHashMap<>();
        if (settings.sync()) {
            for (ProviderGroup group : groups) {
                if (counts(group)) {
                    wantFor(group, desired);
                }
            }
        }
        if (newUser || settings.defaultGroupsFor() == DefaultGroupsFor.EVERY_LOGIN) {
            for (String group : settings.defaultGroups()) {
                desired.putIfAbsent(key(group), new Wanted(group, "default group"));
            }
        }
        return desired;
    }

    /**
     * Whether Lanyard adds and removes memberships of this host group: it is in the mapping table, or (with
     * unmapped groups synchronised) its name starts with the prefix. Every other group is left alone.
     */
    public boolean manages(String hostGroup) {
        if (!settings.sync()) {
            return false;
        }
        String key = key(hostGroup);
        return mappedHostGroups.contains(key) || (settings.syncUnmapped() && key.startsWith(prefixKey));
    }

    /** Default groups are added, never removed (not even when a mapping or the prefix also covers them). */
    public boolean isDefaultGroup(String hostGroup) {
        return defaultGroups.contains(key(hostGroup));
    }

    /** Why Lanyard may remove a membership of a managed group, for the log. */
    public String managingRule(String hostGroup) {
        return mappedHostGroups.contains(key(hostGroup)) ? "managed by the mapping table"
                : "managed by the prefix " + settings.prefix();
    }

    /** The included list and pattern, by the value as sent or by the display name. */
    private boolean counts(ProviderGroup group) {
        if (!included.isEmpty()) {
            return included.contains(key(group.value())) || included.contains(key(group.name()));
        }
        return includedPattern.map(p -> p.matcher(group.value()).matches() || p.matcher(group.name()).matches())
                .orElse(true);
    }

    private void wantFor(ProviderGroup group, Map<String, Wanted> desired) {
        List<GroupMapping> mappings = mappingsByProviderGroup.get(key(group.value()));
        if (mappings == null && !group.name().equals(group.value())) {
            mappings = mappingsByProviderGroup.get(key(group.name()));
        }
        if (mappings != null) {
            for (GroupMapping mapping : mappings) {
                desired.putIfAbsent(key(mapping.hostGroup()), new Wanted(mapping.hostGroup(),
                        "mapping " + mapping.providerGroup() + " => " + mapping.hostGroup()));
            }
            return;
        }
        if (settings.syncUnmapped()) {
            unmappedName(group.name()).ifPresent(name -> desired.putIfAbsent(key(name),
                    new Wanted(name, "unmapped group " + group.name() + " with prefix " + settings.prefix())));
        }
    }

    /** The prefix, then the name (group 1 of the name pattern when it has one; none when it does not match). */
    private Optional<String> unmappedName(String name) {
        String base = name;
        if (namePattern.isPresent()) {
            Matcher matcher = namePattern.get().matcher(name);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            base = matcher.groupCount() >= 1 && matcher.group(1) != null ? matcher.group(1) : matcher.group();
        }
        if (settings.lowerCase()) {
            base = base.toLowerCase(Locale.ROOT);
        }
        String result = settings.prefix() + base;
        return base.isBlank() || result.length() > 255 ? Optional.empty() : Optional.of(result);
    }

    /** How group names compare: as the Atlassian products compare them, without regard to case. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
