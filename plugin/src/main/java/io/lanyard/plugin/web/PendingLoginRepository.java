package io.lanyard.plugin.web;

import io.lanyard.core.login.PendingLogin;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * Keeps the logins a browser has started in its session, by {@code state}, and hands each out once.
 *
 * <p>A session holds at most {@value #MAX_PER_SESSION}: a user may start logins in a few tabs, but a script must not
 * grow a session without bound. Expired ones go first, then the oldest. Expired logins are still handed out by
 * {@link #take}, so that the core reports "expired" instead of "unknown".
 *
 * <p>Reads and writes of one session are serialized on a lock object kept in that session (never on a shared
 * lock, so sessions do not wait for each other), which makes {@link #take} atomic: two callbacks with the same
 * state cannot both get the login. The map is set again after each change so that replicating session managers
 * notice it.
 */
public final class PendingLoginRepository {

    public static final int MAX_PER_SESSION = 5;
    static final String ATTRIBUTE = "io.lanyard.plugin.pendingLogins";
    static final String LOCK_ATTRIBUTE = ATTRIBUTE + ".lock";
    /** Guards only the creation of a session's lock, a few nanoseconds once per session. */
    private static final Object LOCK_CREATION = new Object();

    private final Clock clock;

    public PendingLoginRepository(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keeps a login for this browser, creating its session if needed. */
    public void save(HttpServletRequest request, PendingLogin login) {
        HttpSession session = request.getSession(true);
        synchronized (lockOf(session)) {
            LinkedHashMap<String, PendingLogin> logins = logins(session);
            LinkedHashMap<String, PendingLogin> next = logins == null ? new LinkedHashMap<>() : logins;
            next.remove(login.state());
            makeRoom(next, clock.instant());
            next.put(login.state(), login);
            session.setAttribute(ATTRIBUTE, next);
        }
    }

    /** Removes and returns the login kept under {@code state}; never creates a session. */
    public Optional<PendingLogin> take(HttpServletRequest request, String state) {
        HttpSession session = request.getSession(false);
        if (session == null || state == null || session.getAttribute(ATTRIBUTE) == null) {
            return Optional.empty();
        }
        synchronized (lockOf(session)) {
            LinkedHashMap<String, PendingLogin> logins = logins(session);
            PendingLogin login = logins == null ? null : logins.remove(state);
            if (login != null) {
                session.setAttribute(ATTRIBUTE, logins);
            }
            return Optional.ofNullable(login);
        }
    }

    private static void makeRoom(Map<String, PendingLogin> logins, Instant now) {
        logins.values().removeIf(login -> login.isExpired(now));
        Iterator<PendingLogin> oldestFirst = logins.values().iterator();
        while (logins.size() >= MAX_PER_SESSION && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, PendingLogin> logins(HttpSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof LinkedHashMap ? (LinkedHashMap<String, PendingLogin>) value : null;
    }

    private static Object lockOf(HttpSession session) {
        Object lock = session.getAttribute(LOCK_ATTRIBUTE);
        if (lock != null) {
            return lock;
        }
        synchronized (LOCK_CREATION) {
            lock = session.getAttribute(LOCK_ATTRIBUTE);
            if (lock == null) {
                lock = new SessionLock();
                session.setAttribute(LOCK_ATTRIBUTE, lock);
            }
            return lock;
        }
    }

    /** Serializable so that sessions holding it can still be persisted or replicated. */
    private static final class SessionLock implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
