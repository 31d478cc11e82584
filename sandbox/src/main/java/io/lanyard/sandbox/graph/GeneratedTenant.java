package io.lanyard.sandbox.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A generated Entra ID tenant for the directory sync's stand-in ({@link TenantGraphStandIn}): users and groups whose
 * memberships follow a realistic skew (group {@code i} has about {@code users / 2 / (i + 1)^0.9} direct members: one
 * company-wide group, a few department-sized ones, thousands of small teams), every object with a stable id, and a
 * change log by version so that Graph's delta queries can be answered from any earlier point. Generated from a seed,
 * so the same arguments make the same tenant. Thread-safe (every method synchronised: tests change it while the
 * stand-in serves it).
 */
public final class GeneratedTenant {

    /** A user of the tenant. */
    public static final class User {
        final String id;
        String userPrincipalName;
        String mail;
        String displayName;
        String department;
        boolean accountEnabled = true;
        boolean deleted;
        long version;

        User(String id) {
            this.id = id;
        }

        public String id() { return id; }
        public String userPrincipalName() { return userPrincipalName; }
        public String displayName() { return displayName; }
        public String mail() { return mail; }
        public boolean accountEnabled() { return accountEnabled; }
        public boolean deleted() { return deleted; }
    }

    /** A group with its direct members (user indexes) and the version of each membership change. */
    public static final class Group {
        final String id;
        String displayName;
        boolean deleted;
        long version;
        int[] members;
        int size;
        /** Membership changes: {@code [version, user index, 1 added / 0 removed]} each. */
        final List<long[]> changes = new ArrayList<>();

        Group(String id, String displayName, int[] members) {
            this.id = id;
            this.displayName = displayName;
            this.members = members;
            this.size = members.length;
        }

        public String id() { return id; }
        public String displayName() { return displayName; }
        public int size() { return size; }

        /** Whether the user of this index is a direct member. */
        public boolean contains(int user) {
            for (int i = 0; i < size; i++) {
                if (members[i] == user) {
                    return true;
                }
            }
            return false;
        }
    }

    public static final String DOMAIN = "contoso.example";
    private static final String[] DEPARTMENTS = {"Sales", "Engineering", "Support", "Finance", "Marketing", "Legal"};

    private final User[] users;
    private final Group[] groups;
    private final List<String> assignedToApp = new ArrayList<>();
    private final Random random;
    private long version = 1;
    /** Delta links older than this are expired (410 Gone). */
    private long expiredBefore;

    private GeneratedTenant(User[] users, Group[] groups, Random random) {
        this.users = users;
        this.groups = groups;
        this.random = random;
    }

    /** A tenant of {@code userCount} users and {@code groupCount} groups, generated from {@code seed}. */
    public static GeneratedTenant generate(int userCount, int groupCount, long seed) {
        Random random = new Random(seed);
        User[] users = new User[userCount];
        for (int i = 0; i < userCount; i++) {
            User user = new User(uuid("user", i, seed));
            String name = "user" + i;
            user.userPrincipalName = name + "@" + DOMAIN;
            user.mail = name + "@" + DOMAIN;
            user.displayName = "User " + i;
            user.department = DEPARTMENTS[i % DEPARTMENTS.length];
            users[i] = user;
        }
        Group[] groups = new Group[groupCount];
        for (int g = 0; g < groupCount; g++) {
            int size = (int) Math.max(2, Math.min(userCount, Math.round(userCount / 2.0 / Math.pow(g + 1, 0.9))));
            size = Math.min(size, userCount);
            int[] members = new int[size];
            int start = random.nextInt(Math.max(1, userCount));
            int stride = strideFor(userCount, random);
            for (int k = 0; k < size; k++) {
                members[k] = (int) ((start + (long) k * stride) % userCount);
            }
            groups[g] = new Group(uuid("group", g, seed), groupName(g), members);
        }
        GeneratedTenant tenant = new GeneratedTenant(users, groups, random);
        for (int g = 0; g < Math.min(groupCount, 5); g++) {
            tenant.assignedToApp.add(groups[g].id);
        }
        return tenant;
    }

    static String groupName(int g) {
        return g == 0 ? "All Staff" : g < 7 ? DEPARTMENTS[g - 1] : "Team " + g;
    }

    /** A step coprime to {@code n}, so that a group's members are distinct. */
    private static int strideFor(int n, Random random) {
        if (n <= 1) {
            return 1;
        }
        while (true) {
            int stride = 1 + random.nextInt(n - 1);
            if (gcd(stride, n) == 1) {
                return stride;
            }
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String uuid(String kind, int index, long seed) {
        return UUID.nameUUIDFromBytes((kind + ":" + seed + ":" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public synchronized int userCount() {
        return users.length;
    }

    public synchronized int groupCount() {
        return groups.length;
    }

    /** The number of direct memberships. */
    public synchronized long membershipCount() {
        long count = 0;
        for (Group group : groups) {
            count += group.deleted ? 0 : group.size;
        }
        return count;
    }

    public synchronized User user(int index) {
        return users[index];
    }

    public synchronized Group group(int index) {
        return groups[index];
    }

    /** The usernames a sync with {@code userPrincipalName} and the pattern {@code (.*)@.*} gives. */
    public static String localPart(User user) {
        return user.userPrincipalName.substring(0, user.userPrincipalName.indexOf('@'));
    }

    /** Changes the display name of {@code count} distinct random users. */
    public synchronized List<Integer> renameUsers(int count) {
        List<Integer> chosen = new ArrayList<>();
        int[] order = shuffled(users.length);
        for (int i = 0; i < Math.min(count, users.length); i++) {
            User user = users[order[i]];
            if (user.deleted) {
                continue;
            }
            user.displayName = user.displayName + " (renamed " + version + ")";
            touch(user);
            chosen.add(order[i]);
        }
        return chosen;
    }

    public synchronized void rename(int index, String displayName) {
        users[index].displayName = displayName;
        touch(users[index]);
    }

    public synchronized void disable(int index) {
        users[index].accountEnabled = false;
        touch(users[index]);
    }

    public synchronized void enable(int index) {
        users[index].accountEnabled = true;
        touch(users[index]);
    }

    public synchronized void delete(int index) {
        users[index].deleted = true;
        touch(users[index]);
    }

    public synchronized void restore(int index) {
        users[index].deleted = false;
        touch(users[index]);
    }

    public synchronized void addMember(int group, int user) {
        Group g = groups[group];
        if (g.contains(user)) {
            return;
        }
        if (g.size == g.members.length) {
            g.members = Arrays.copyOf(g.members, Math.max(4, g.size * 2));
        }
        g.members[g.size++] = user;
        g.changes.add(new long[] {++version, user, 1});
    }

    public synchronized void removeMember(int group, int user) {
        Group g = groups[group];
        for (int i = 0; i < g.size; i++) {
            if (g.members[i] == user) {
                g.members[i] = g.members[--g.size];
                g.changes.add(new long[] {++version, user, 0});
                return;
            }
        }
    }

    /** Deletes a group: a delta query from before gives it as {@code @removed}. */
    public synchronized void deleteGroup(int group) {
        groups[group].deleted = true;
        groups[group].version = ++version;
    }

    public synchronized void renameGroup(int group, String name) {
        groups[group].displayName = name;
        groups[group].version = ++version;
    }

    /** Makes every delta link handed out so far expire: the next delta query with one answers 410 Gone. */
    public synchronized void expireDeltaLinks() {
        expiredBefore = ++version;
    }

    public synchronized List<String> assignedToApp() {
        return List.copyOf(assignedToApp);
    }

    synchronized long version() {
        return version;
    }

    synchronized boolean expired(long since) {
        return since < expiredBefore;
    }

    synchronized User[] usersSnapshot() {
        return users;
    }

    synchronized Group[] groupsSnapshot() {
        return groups;
    }

    /** The members of {@code group} as user ids, or the membership changes after {@code since} (-1: all members). */
    synchronized List<String[]> memberDelta(Group group, long since, long upTo) {
        List<String[]> delta = new ArrayList<>();
        if (since < 0) {
            for (int i = 0; i < group.size; i++) {
                delta.add(new String[] {users[group.members[i]].id, "add"});
            }
            return delta;
        }
        for (long[] change : group.changes) {
            if (change[0] > since && change[0] <= upTo) {
                delta.add(new String[] {users[(int) change[1]].id, change[2] == 1 ? "add" : "remove"});
            }
        }
        return delta;
    }

    synchronized boolean groupChangedSince(Group group, long since, long upTo) {
        if (since < 0) {
            return !group.deleted;
        }
        if (group.version > since && group.version <= upTo) {
            return true;
        }
        for (long[] change : group.changes) {
            if (change[0] > since && change[0] <= upTo) {
                return true;
            }
        }
        return false;
    }

    private void touch(User user) {
        user.version = ++version;
    }

    private int[] shuffled(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    String departmentOf(User user) {
        return user.department;
    }
}
