package io.lanyard.core.dirsync;

import io.lanyard.core.host.AccountChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole change of a run to the host's accounts, computed after the read and before any write: which accounts to
 * create, update, reactivate or deactivate and which host groups each should be in. Memberships are compared with the
 * host's when they are applied (one read per account), so that what another run or an administrator changed since is
 * seen.
 */
final class SyncPlan {

    /** What happens to one account. */
    enum Kind { CREATE, UPDATE, REACTIVATE, GROUPS, DEACTIVATE, MARK_DEACTIVATED }

    /**
     * @param wantedGroups the host groups it should be in by the synced groups (by key), plus the default groups for a
     *                     new account
     */
    record Change(SyncState.User user, String username, Kind kind, AccountChanges changes,
            Map<String, String> wantedGroups) {
    }

    final List<Change> changes = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    long errorCount;
    long pendingDeactivation;
    long unchanged;

    long deactivations() {
        return changes.stream().filter(change -> change.kind() == Kind.DEACTIVATE).count();
    }

    void error(String message) {
        errorCount++;
        if (errors.size() < SyncReport.MAX_SAMPLES) {
            errors.add(message);
        }
    }
}
