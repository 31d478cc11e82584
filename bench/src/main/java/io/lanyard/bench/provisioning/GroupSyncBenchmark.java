package io.lanyard.bench.provisioning;

import io.lanyard.core.config.GroupSyncSettings;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.ProvisioningSettings;
import io.lanyard.core.provisioning.GroupPlan;
import io.lanyard.core.provisioning.GroupRules;
import io.lanyard.core.provisioning.ProviderGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lanyard's own group-sync work at one login (issue 13): a token with {@value #PROVIDER_GROUPS} groups, of which the
 * mapping table covers {@value #MANAGED_GROUPS}; the person has {@value #LOCAL_GROUPS} local groups besides. Measured:
 * turning the claim's names into provider groups, deciding the wanted host groups ({@link GroupRules#desired}) and
 * the whole diff against the person's memberships ({@link GroupPlan#between}). Host calls (reading memberships,
 * writing the changes) are not measured: they are the product's. The rules are compiled once per provider, as
 * {@code ProviderRuntime} does, outside the measurement.
 *
 * <ul>
 *   <li>{@code firstLogin}: a new account with local groups only: every managed membership and the default group
 *       are additions;</li>
 *   <li>{@code unchanged}: a later login where the memberships already match (the common case: no host write);</li>
 *   <li>{@code tenChanged}: since the last login the person left 10 mapped groups at the provider and joined 10
 *       others: 10 removals, 10 additions.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GroupSyncBenchmark {

    static final int PROVIDER_GROUPS = 500;
    static final int MANAGED_GROUPS = 300;
    static final int LOCAL_GROUPS = 20;
    static final String DEFAULT_GROUP = "jira-software-users";

    @Param({"firstLogin", "unchanged", "tenChanged"})
    public String scenario;

    private GroupRules rules;
    private List<Object> claim;
    private Set<String> current;
    private boolean newUser;

    @Setup
    public void setUp() {
        rules = rules();
        claim = claim(scenario);
        current = currentMemberships(scenario);
        newUser = scenario.equals("firstLogin");
    }

    @Benchmark
    public GroupPlan decide() {
        return plan(rules, claim, current, newUser);
    }

    /** What a login does between reading the token and the first host write. */
    static GroupPlan plan(GroupRules rules, List<Object> claim, Set<String> current, boolean newUser) {
        List<ProviderGroup> groups = new ArrayList<>(claim.size());
        for (Object value : claim) {
            groups.add(ProviderGroup.named((String) value));
        }
        return GroupPlan.between(current, rules.desired(groups, newUser), rules);
    }

    /** Provider groups {@code team-0} … {@code team-299} map to {@code jira-team-0} …; the default group. */
    static GroupRules rules() {
        List<GroupMapping> mappings = new ArrayList<>();
        for (int i = 0; i < MANAGED_GROUPS; i++) {
            mappings.add(new GroupMapping("team-" + i, "jira-team-" + i));
        }
        GroupSyncSettings settings = ProvisioningSettings.builder().syncGroups(true).groupMappings(mappings)
                .defaultGroups(List.of(DEFAULT_GROUP)).build().groups();
        return new GroupRules(settings);
    }

    /**
     * The token's groups: the {@value #MANAGED_GROUPS} mapped ones and unmapped others, {@value #PROVIDER_GROUPS} in
     * all; in {@code tenChanged}, {@code team-0} … {@code team-9} are gone (unmapped ones take their place).
     */
    static List<Object> claim(String scenario) {
        List<Object> claim = new ArrayList<>(PROVIDER_GROUPS);
        int first = scenario.equals("tenChanged") ? 10 : 0;
        for (int i = first; i < MANAGED_GROUPS; i++) {
            claim.add("team-" + i);
        }
        for (int i = 0; claim.size() < PROVIDER_GROUPS; i++) {
            claim.add("other-" + i);
        }
        return claim;
    }

    /**
     * The person's direct memberships before the login: local groups, and after the first login the default group
     * and the mapped ones (in {@code tenChanged} without {@code jira-team-290} … {@code jira-team-299}).
     */
    static Set<String> currentMemberships(String scenario) {
        Set<String> current = new LinkedHashSet<>();
        for (int i = 0; i < LOCAL_GROUPS; i++) {
            current.add("local-" + i);
        }
        if (!scenario.equals("firstLogin")) {
            current.add(DEFAULT_GROUP);
            int last = scenario.equals("tenChanged") ? MANAGED_GROUPS - 10 : MANAGED_GROUPS;
            for (int i = 0; i < last; i++) {
                current.add("jira-team-" + i);
            }
        }
        return current;
    }
}
