package io.lanyard.core.dirsync;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.GroupWrites;
import io.lanyard.core.host.NewAccount;
import io.lanyard.core.provisioning.GroupPlan;
import io.lanyard.core.provisioning.GroupRules;
import io.lanyard.core.provisioning.GroupSync;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The apply phase: a {@link SyncPlan} through the host's write ports (issue 13's {@link AccountWrites} and
 * {@link GroupWrites}), or, for a preview, only counted. Each account's memberships change all or nothing
 * ({@link GroupSync}: undone on a failure), and only in the synced groups (the managed-groups rule); default groups
 * are added, never removed. A write that fails for one user is reported and that user retried by the next run; the
 * others go on. Every write is idempotent against the host as it is, so a run stopped midway is finished by the next.
 */
final class SyncApplier {

    private final SyncScope scope;
    private final AccountWrites accounts;
    private final GroupWrites groups;
    private final AuditSink audit;
    private final Clock clock;
    private final String connectorId;
    private final BooleanSupplier cancelled;
    final Tally tally = new Tally();

    /** The counts of what was (or would be) written. */
    static final class Tally {
        long created;
        long updated;
        long deactivated;
        long reactivated;
        long membershipsAdded;
        long membershipsRemoved;
        long groupsCreated;
        long unchanged;
        final List<String> changes = new ArrayList<>();

        void sample(String change) {
            if (changes.size() < SyncReport.MAX_SAMPLES) {
                changes.add(change);
            }
        }
    }

    SyncApplier(SyncScope scope, AccountWrites accounts, GroupWrites groups, AuditSink audit, Clock clock,
            String connectorId, BooleanSupplier cancelled) {
        this.scope = scope;
        this.accounts = accounts;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
        this.connectorId = connectorId;
        this.cancelled = cancelled;
    }

    /** Applies the plan; per-user failures go to {@code plan}'s errors and {@code state}'s retry set. */
    void apply(SyncPlan plan, SyncState state, SyncProgress progress, boolean preview) {
        for (SyncPlan.Change change : plan.changes) {
            if (cancelled.getAsBoolean()) {
                throw new LanyardException(ErrorCode.DIRSYNC_INTERRUPTED, "the sync was stopped while applying");
            }
            try {
                if (preview) {
                    preview(change);
                } else {
                    applyOne(change);
                    state.retry.remove(change.user().id);
                }
            } catch (LanyardException e) {
                plan.error(ErrorCode.DIRSYNC_USER_WRITE_FAILED.code() + " " + change.username() + ": "
                        + e.getMessage() + " (" + e.errorCode().code() + ")");
                state.retry.add(change.user().id);
            }
            progress.applied();
        }
    }

    private void applyOne(SyncPlan.Change change) {
        SyncState.User user = change.user();
        switch (change.kind()) {
            case CREATE -> {
                accounts.create(new NewAccount(scope.settings().directory(), change.username(),
                        user.displayName == null ? change.username() : user.displayName,
                        user.mail == null ? "" : user.mail));
                tally.created++;
                record(AuditEventType.ACCOUNT_CREATED, change.username(), "created");
            }
            case UPDATE -> {
                accounts.update(change.username(), change.changes());
                tally.updated++;
            }
            case REACTIVATE -> {
                accounts.update(change.username(), change.changes());
                tally.reactivated++;
                record(AuditEventType.ACCOUNT_UPDATED, change.username(), "reactivated");
            }
            case DEACTIVATE -> {
                accounts.update(change.username(), change.changes());
                tally.deactivated++;
                user.deactivatedBySync = true;
                record(AuditEventType.ACCOUNT_UPDATED, change.username(), "deactivated");
                return;
            }
            case MARK_DEACTIVATED -> {
                user.deactivatedBySync = true;
                return;
            }
            case GROUPS -> tally.unchanged++;
        }
        user.username = change.username();
        user.deactivatedBySync = false;
        GroupWrites.UserGroups target = groups.of(change.username());
        GroupPlan memberships = membershipPlan(target.direct(), change.wantedGroups());
        if (!memberships.isEmpty()) {
            GroupSync.Outcome outcome = GroupSync.apply(memberships, target, true, change.username());
            tally.membershipsAdded += outcome.added().size();
            tally.membershipsRemoved += outcome.removed().size();
            tally.groupsCreated += outcome.created().size();
        }
    }

    private void preview(SyncPlan.Change change) {
        switch (change.kind()) {
            case CREATE -> tally.created++;
            case UPDATE -> tally.updated++;
            case REACTIVATE -> tally.reactivated++;
            case DEACTIVATE -> tally.deactivated++;
            case GROUPS -> tally.unchanged++;
            case MARK_DEACTIVATED -> {
                return;
            }
        }
        Set<String> current = change.kind() == SyncPlan.Kind.CREATE || change.kind() == SyncPlan.Kind.DEACTIVATE
                ? Set.of() : groups.of(change.username()).direct();
        GroupPlan memberships = change.kind() == SyncPlan.Kind.DEACTIVATE ? new GroupPlan(List.of(), List.of(), 0)
                : membershipPlan(current, change.wantedGroups());
        tally.membershipsAdded += memberships.additions().size();
        tally.membershipsRemoved += memberships.removals().size();
        if (change.kind() != SyncPlan.Kind.GROUPS || !memberships.isEmpty()) {
            tally.sample(SyncPlanner.describe(change) + memberships.additions().stream().map(c -> " +" + c.group())
                    .reduce("", String::concat) + memberships.removals().stream().map(c -> " -" + c.group())
                    .reduce("", String::concat));
        }
    }

    /**
     * The change to one account's memberships: join the wanted groups it is not in; leave the synced groups it is in
     * but should not be (never a default group, never a group the sync does not manage).
     */
    GroupPlan membershipPlan(Set<String> current, Map<String, String> wanted) {
        Set<String> currentKeys = new HashSet<>(current.size() * 2);
        for (String group : current) {
            currentKeys.add(GroupRules.key(group));
        }
        List<GroupPlan.Change> additions = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<String, String> group : wanted.entrySet()) {
            if (currentKeys.contains(group.getKey())) {
                unchanged++;
            } else {
                additions.add(new GroupPlan.Change(group.getValue(), "directory sync of connector " + connectorId));
            }
        }
        List<GroupPlan.Change> removals = new ArrayList<>();
        for (String group : current) {
            String key = GroupRules.key(group);
            if (!wanted.containsKey(key) && scope.manages(group) && !isDefault(key)) {
                removals.add(new GroupPlan.Change(group, "a synced group the user is no longer a member of"));
            }
        }
        return new GroupPlan(additions, removals, unchanged);
    }

    private boolean isDefault(String key) {
        for (String group : scope.settings().defaultGroups()) {
            if (GroupRules.key(group).equals(key)) {
                return true;
            }
        }
        return false;
    }

    private void record(AuditEventType type, String username, String what) {
        audit.record(AuditEvent.of(type, clock.instant()).user(username).integration(connectorId)
                .detail("by", "directory sync").detail("change", what).build());
    }
}
