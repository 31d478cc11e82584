package io.lanyard.core.dirsync;

import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.AccountChanges;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.core.provisioning.GroupRules;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The plan phase: for each user the read touched, what its account needs. Reads the host (one lookup per user),
 * writes nothing. Users out of the scope, disabled or deleted in Entra ID lose their active account (after the grace
 * period), never the account itself; users the sync deactivated are reactivated when they come back. An account an
 * administrator deactivated stays as it is.
 */
final class SyncPlanner {

    private final SyncScope scope;
    private final UserDirectory directory;
    private final Duration grace;
    private final Instant now;

    SyncPlanner(SyncScope scope, UserDirectory directory, Instant now) {
        this.scope = scope;
        this.directory = directory;
        this.grace = scope.settings().deactivationGrace();
        this.now = now;
    }

    SyncPlan plan(SyncState state, Set<String> candidates, SyncProgress progress) {
        SyncPlan plan = new SyncPlan();
        Map<String, String> owners = usernameOwners(state);
        for (String id : candidates) {
            SyncState.User user = state.users.get(id);
            if (user != null) {
                planUser(user, owners, plan);
            }
        }
        progress.planned(plan.changes.size());
        return plan;
    }

    private void planUser(SyncState.User user, Map<String, String> owners, SyncPlan plan) {
        if (scope.wantsActive(user)) {
            user.goneSince = 0;
            planActive(user, owners, plan);
        } else if (user.username != null && !user.deactivatedBySync) {
            planDeactivation(user, plan);
        }
    }

    private void planActive(SyncState.User user, Map<String, String> owners, SyncPlan plan) {
        String username;
        try {
            // An account once made keeps its name: the host port cannot rename, and a rename would be a new person.
            username = user.username != null ? user.username : scope.username(user);
        } catch (LanyardException e) {
            plan.error("LNY-747 user " + user.id + " (" + Optional.ofNullable(user.userPrincipalName).orElse("")
                    + "): " + e.getMessage());
            return;
        }
        String owner = owners.putIfAbsent(GroupRules.key(username), user.id);
        if (owner != null && !owner.equals(user.id)) {
            plan.error("LNY-748 user " + user.id + " maps to " + username + ", which user " + owner + " has already");
            return;
        }
        Optional<HostUser> account = directory.findByUsername(username);
        Map<String, String> wanted = scope.hostGroupsOf(user);
        if (account.isEmpty()) {
            Map<String, String> withDefaults = new LinkedHashMap<>(wanted);
            for (String group : scope.settings().defaultGroups()) {
                withDefaults.putIfAbsent(GroupRules.key(group), group);
            }
            plan.changes.add(new SyncPlan.Change(user, username, SyncPlan.Kind.CREATE, AccountChanges.NONE,
                    withDefaults));
            return;
        }
        HostUser host = account.get();
        Optional<String> name = differs(user.displayName, host.displayName());
        Optional<String> email = differs(user.mail, host.email());
        boolean reactivate = !host.active() && user.deactivatedBySync;
        AccountChanges changes = new AccountChanges(name, email, reactivate ? Optional.of(true) : Optional.empty());
        SyncPlan.Kind kind = reactivate ? SyncPlan.Kind.REACTIVATE
                : changes.isEmpty() ? SyncPlan.Kind.GROUPS : SyncPlan.Kind.UPDATE;
        plan.changes.add(new SyncPlan.Change(user, username, kind, changes, wanted));
    }

    private void planDeactivation(SyncState.User user, SyncPlan plan) {
        if (!grace.isZero()) {
            if (user.goneSince == 0) {
                user.goneSince = now.toEpochMilli();
            }
            if (Instant.ofEpochMilli(user.goneSince).plus(grace).isAfter(now)) {
                plan.pendingDeactivation++;
                return;
            }
        }
        Optional<HostUser> account = directory.findByUsername(user.username);
        if (account.isEmpty()) {
            return; // removed in the host: nothing to deactivate
        }
        SyncPlan.Kind kind = account.get().active() ? SyncPlan.Kind.DEACTIVATE : SyncPlan.Kind.MARK_DEACTIVATED;
        plan.changes.add(new SyncPlan.Change(user, user.username, kind,
                new AccountChanges(Optional.empty(), Optional.empty(), Optional.of(false)), Map.of()));
    }

    /** Which user holds each username the sync gave out (deleted ones too: their account is still theirs). */
    private static Map<String, String> usernameOwners(SyncState state) {
        Map<String, String> owners = new HashMap<>();
        for (SyncState.User user : state.users.values()) {
            if (user.username != null) {
                owners.put(GroupRules.key(user.username), user.id);
            }
        }
        return owners;
    }

    /** The value from Entra ID when it is given and not what the host has. */
    private static Optional<String> differs(String fromEntra, String host) {
        return fromEntra != null && !fromEntra.equals(host) ? Optional.of(fromEntra) : Optional.empty();
    }

    static String describe(SyncPlan.Change change) {
        return Objects.toString(change.kind()).toLowerCase(java.util.Locale.ROOT) + " " + change.username();
    }
}
