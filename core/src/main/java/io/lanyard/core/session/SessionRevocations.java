package io.lanyard.core.session;

import io.lanyard.core.host.ClusterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions ended by a logout at a provider (back- or front-channel), as this node knows them: every node records
 * what any node revokes through the cluster ({@link ClusterState#revoke}), and the check on every request of a Lanyard
 * session ({@link #isRevoked}) is two lookups in this node's memory, without allocating, and none at all while
 * nothing is revoked.
 *
 * <p>A revocation ends the matching sessions that were logged in before it; a later login of the same person is a
 * new session. It is kept {@link #RETENTION} (the longest a product session can last under Lanyard's cap), at most
 * {@link #MAX_ENTRIES}.
 */
public final class SessionRevocations implements ClusterState.RevocationListener {

    public static final Duration RETENTION = Duration.ofDays(30);
    static final int MAX_ENTRIES = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(SessionRevocations.class);

    private final ClusterState cluster;
    private final Clock clock;
    /** Key → when it was revoked and until when it is kept (epoch milliseconds). */
    private final Map<String, Kept> revoked = new ConcurrentHashMap<>();

    private record Kept(long revokedAt, long keepUntil) {
    }

    private SessionRevocations(ClusterState cluster, Clock clock) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The revocations of {@code cluster}: those it keeps now, and every new one from any node. */
    public static SessionRevocations of(ClusterState cluster, Clock clock) {
        SessionRevocations revocations = new SessionRevocations(cluster, clock);
        cluster.onRevocation(revocations);
        return revocations;
    }

    /** Ends, on every node, the sessions of this provider session ({@code sid}) logged in until now. */
    public void revokeSession(String issuer, String sessionId) {
        revoke(RevocationKeys.ofSession(issuer, sessionId));
    }

    /** Ends, on every node, every session of this person at this provider logged in until now. */
    public void revokeSubject(String issuer, String subject) {
        revoke(RevocationKeys.ofSubject(issuer, subject));
    }

    private void revoke(String key) {
        Instant now = clock.instant();
        cluster.revoke(key, now, now.plus(RETENTION));
    }

    /** Whether a logout at the provider ended this session. Allocation-free; called on every request it makes. */
    public boolean isRevoked(LanyardSession session) {
        if (revoked.isEmpty()) {
            return false;
        }
        return endedBy(revoked.get(session.subjectKey()), session)
                || session.sessionKey() != null && endedBy(revoked.get(session.sessionKey()), session);
    }

    private static boolean endedBy(Kept revocation, LanyardSession session) {
        return revocation != null && session.loggedInAt() <= revocation.revokedAt;
    }

    /** From the cluster: a revocation of any node, this one's included. */
    @Override
    public void revoked(String key, Instant revokedAt, Instant keepUntil) {
        long now = clock.millis();
        if (!keepUntil.isAfter(Instant.ofEpochMilli(now))) {
            return;
        }
        revoked.merge(key, new Kept(revokedAt.toEpochMilli(), keepUntil.toEpochMilli()),
                (held, news) -> held.revokedAt >= news.revokedAt ? held : news);
        if (revoked.size() > MAX_ENTRIES) {
            forgetExpired(now);
        }
    }

    private void forgetExpired(long now) {
        revoked.values().removeIf(kept -> kept.keepUntil <= now);
        if (revoked.size() > MAX_ENTRIES) {
            LOG.warn("More than {} sessions are revoked at once; forgetting the oldest revocations", MAX_ENTRIES);
            revoked.entrySet().stream().sorted(Map.Entry.comparingByValue(
                    java.util.Comparator.comparingLong(Kept::revokedAt))).limit(revoked.size() - MAX_ENTRIES)
                    .map(Map.Entry::getKey).toList().forEach(revoked::remove);
        }
    }

    /** How many revocations this node holds (for diagnostics and tests). */
    public int size() {
        return revoked.size();
    }
}
