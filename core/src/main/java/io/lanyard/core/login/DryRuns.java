package io.lanyard.core.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The "Test sign-in" runs this node started: a ticket the admin page hands out (single use, for one provider), then the
 * state of the login it started, whose callback shows a report instead of logging anyone in. Both expire with the
 * login's timeout; kept on this node only (a callback on another node is an ordinary login there).
 */
final class DryRuns {

    private static final int MAX = 1000;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Map<String, Instant> states = new ConcurrentHashMap<>();

    private record Ticket(String identityProviderId, Instant expiresAt) {
    }

    DryRuns(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    String ticket(String identityProviderId) {
        forgetExpired();
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(ticket, new Ticket(identityProviderId, clock.instant().plus(timeout)));
        return ticket;
    }

    /** Takes the ticket if it is this provider's and has not expired (single use). */
    boolean redeem(String ticket, String identityProviderId) {
        Ticket held = ticket == null ? null : tickets.remove(ticket);
        return held != null && held.identityProviderId().equals(identityProviderId)
                && clock.instant().isBefore(held.expiresAt());
    }

    void started(String state) {
        forgetExpired();
        states.put(state, clock.instant().plus(timeout));
    }

    boolean isDryRun(String state) {
        Instant until = state == null ? null : states.get(state);
        return until != null && clock.instant().isBefore(until);
    }

    Optional<Instant> finish(String state) {
        return Optional.ofNullable(states.remove(state));
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        tickets.values().removeIf(ticket -> !now.isBefore(ticket.expiresAt()));
        states.values().removeIf(until -> !now.isBefore(until));
        if (tickets.size() > MAX) {
            tickets.clear();
        }
        if (states.size() > MAX) {
            states.clear();
        }
    }
}
