package io.lanyard.core.provisioning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole change to one person's memberships, computed before anything is written: the groups to join, the managed
 * groups to leave, each with the rule that caused it. Memberships the rules do not cover are never in it.
 *
 * @param additions  groups the person joins
 * @param removals   managed groups the person leaves
 * @param unchanged  memberships the rules want that the person already has
 */
public record GroupPlan(List<Change> additions, List<Change> removals, int unchanged) {

    /** A membership to add or remove, and why. */
    public record Change(String group, String rule) {
    }

    public GroupPlan {
        additions = List.copyOf(additions);
        removals = List.copyOf(removals);
    }

    public boolean isEmpty() {
        return additions.isEmpty() && removals.isEmpty();
    }

    /**
     * @param current the person's direct memberships now
     * @param desired what {@link GroupRules#desired} wants, by {@link GroupRules#key}
     */
    public static GroupPlan between(Set<String> current, Map<String, GroupRules.Wanted> desired, GroupRules rules) {
        Set<String> currentKeys = new HashSet<>(current.size() * 2);
        for (String group : current) {
            currentKeys.add(GroupRules.key(group));
        }
        List<Change> additions = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<String, GroupRules.Wanted> wanted : desired.entrySet()) {
            if (currentKeys.contains(wanted.getKey())) {
                unchanged++;
            } else {
                additions.add(new Change(wanted.getValue().group(), wanted.getValue().rule()));
            }
        }
        List<Change> removals = new ArrayList<>();
        for (String group : current) {
            if (!desired.containsKey(GroupRules.key(group)) && rules.manages(group) && !rules.isDefaultGroup(group)) {
                removals.add(new Change(group, rules.managingRule(group) + ", not among the provider's groups"));
            }
        }
        return new GroupPlan(additions, removals, unchanged);
    }
}
