package io.lanyard.core.dirsync;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a connector's sync knows of its tenant between runs, kept in the shared home ({@link SyncStateFile}): each
 * user's attributes as Graph last gave them and what the sync did to its account, each group's name and direct user
 * members, the delta links to continue from, and the users whose writes failed (retried). Loaded at the start of a run
 * and saved only at its successful end, so a run that stops anywhere leaves the previous state and delta links in
 * place: the next run reads the same changes again and applies what is still missing. Not thread-safe: one run owns it.
 */
final class SyncState {

    /** One user of the tenant. Mutable: a run merges Graph's changes into it. */
    static final class User {
        final String id;
        String displayName;
        String mail;
        String userPrincipalName;
        String onPremisesSamAccountName;
        String extension;
        boolean accountEnabled = true;
        /** Deleted in Entra ID (or gone from a full read): kept to remember its account. */
        boolean deleted;
        /** The host account the sync created or updated for it; null before. */
        String username;
        /** When it was first seen out of the scope, disabled or deleted (epoch ms); 0 while it is in. */
        long goneSince;
        /** Whether the sync deactivated its account (and may therefore reactivate it). */
        boolean deactivatedBySync;

        User(String id) {
            this.id = id;
        }

        /** The sync's memory of the account, carried from an earlier state into a full read's new one. */
        void keepAccountOf(User earlier) {
            username = earlier.username;
            goneSince = earlier.goneSince;
            deactivatedBySync = earlier.deactivatedBySync;
        }
    }

    /** One group of the tenant with its direct user members. */
    static final class Group {
        final String id;
        String displayName;
        final Set<String> members = new HashSet<>();

        Group(String id) {
            this.id = id;
        }
    }

    final Map<String, User> users = new HashMap<>();
    final Map<String, Group> groups = new HashMap<>();
    final Set<String> retry = new HashSet<>();
    String usersDeltaLink;
    String groupsDeltaLink;
    /** The settings that decide what is read and how it maps ({@link SyncScope#fingerprint}); a change means a full read. */
    String scopeFingerprint = "";
    /** When the last run that saved this state started (epoch ms). */
    long lastRunStarted;

    User user(String id) {
        return users.computeIfAbsent(id, User::new);
    }

    Group group(String id) {
        return groups.computeIfAbsent(id, Group::new);
    }

    /** Whether a delta read can continue from here. */
    boolean canContinue(String fingerprint) {
        return usersDeltaLink != null && scopeFingerprint.equals(fingerprint);
    }

    /** Users the sync gave an account that it has not deactivated: the base of the safety stop. */
    int syncedActiveUsers() {
        int count = 0;
        for (User user : users.values()) {
            if (user.username != null && !user.deactivatedBySync) {
                count++;
            }
        }
        return count;
    }

    /** Interns ids so that a user's id in many groups is one string in memory. */
    static String intern(Map<String, String> ids, String id) {
        String known = ids.putIfAbsent(id, id);
        return known == null ? id : known;
    }

    static Map<String, String> newInterner() {
        return new HashMap<>();
    }
}
