package io.lanyard.core.provisioning;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.GroupWrites;
import io.lanyard.core.provisioning.GroupPlan.Change;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link GroupPlan} to one user's memberships, all of it or none of it. What the plan needs that the host
 * lacks is found out first (which groups to join do not exist: created when the rules allow it, otherwise that
 * membership is skipped); then the memberships are written. If a write fails midway, the memberships already changed
 * are changed back, in reverse order, and the failure says whether that worked ({@code GROUP_SYNC_FAILED}) or not
 * ({@code GROUP_SYNC_PARTIALLY_APPLIED}). Groups created for the plan stay (empty, and harmless): the host API has no
 * way to delete one that Lanyard is sure no one else uses.
 */
public final class GroupSync {

    private static final Logger LOG = LoggerFactory.getLogger(GroupSync.class);

    private GroupSync() {
    }

    /**
     * What was done.
     *
     * @param added     memberships added
     * @param removed   memberships removed
     * @param created   groups created for an addition
     * @param skipped   additions left out because the group does not exist and may not be created
     * @param unchanged memberships the rules want that were there already
     */
    public record Outcome(List<Change> added, List<Change> removed, List<String> created, List<Change> skipped,
            int unchanged) {

        public Outcome {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            created = List.copyOf(created);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * @param username     whose memberships, for messages
     * @param createGroups whether a missing group may be created
     * @throws LanyardException {@code GROUP_SYNC_FAILED} (nothing changed, or all of it changed back) or
     *         {@code GROUP_SYNC_PARTIALLY_APPLIED} (changing back failed too: the message lists what stays changed)
     */
    public static Outcome apply(GroupPlan plan, GroupWrites.UserGroups target, boolean createGroups, String username) {
        List<Change> additions = new ArrayList<>();
        List<Change> skipped = new ArrayList<>();
        List<String> toCreate = new ArrayList<>();
        try {
            for (Change addition : plan.additions()) {
                if (target.exists(addition.group())) {
                    additions.add(addition);
                } else if (createGroups) {
                    toCreate.add(addition.group());
                    additions.add(addition);
                } else {
                    skipped.add(addition);
                }
            }
            for (String group : toCreate) {
                target.create(group);
            }
        } catch (LanyardException e) {
            throw new LanyardException(ErrorCode.GROUP_SYNC_FAILED, "the groups of " + username + " were not changed: "
                    + e.getMessage() + " (" + e.errorCode().code() + ")", e);
        }
        List<Runnable> undo = new ArrayList<>();
        List<String> done = new ArrayList<>();
        try {
            for (Change addition : additions) {
                target.add(addition.group());
                undo.add(() -> target.remove(addition.group()));
                done.add("added to " + addition.group());
            }
            for (Change removal : plan.removals()) {
                target.remove(removal.group());
                undo.add(() -> target.add(removal.group()));
                done.add("removed from " + removal.group());
            }
        } catch (LanyardException e) {
            throw rollBack(username, e, undo, done);
        }
        return new Outcome(additions, plan.removals(), toCreate, skipped, plan.unchanged());
    }

    /** Changes back what was done, newest first; says what could not be changed back. */
    private static LanyardException rollBack(String username, LanyardException failure, List<Runnable> undo,
            List<String> done) {
        List<String> stays = new ArrayList<>();
        for (int i = undo.size() - 1; i >= 0; i--) {
            try {
                undo.get(i).run();
            } catch (LanyardException e) {
                stays.add(done.get(i));
                LOG.error("Could not undo a group change of {} ({}): {}", username, done.get(i), e.getMessage());
            }
        }
        String cause = failure.getMessage() + " (" + failure.errorCode().code() + ")";
        if (stays.isEmpty()) {
            return new LanyardException(ErrorCode.GROUP_SYNC_FAILED, "a group change of " + username + " failed: "
                    + cause + "; the " + done.size() + " change(s) made before it were undone", failure);
        }
        return new LanyardException(ErrorCode.GROUP_SYNC_PARTIALLY_APPLIED, "a group change of " + username
                + " failed: " + cause + "; undoing failed too, so " + username + " stays " + String.join(", ", stays),
                failure);
    }
}
