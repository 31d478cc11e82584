package io.lanyard.core.host;

import java.time.Instant;

/**
 * Port: the {@code state}s of the logins that have come back already, so that each pending login is used once
 * (RFC 6749 §10.12, RFC 9700 §4.7): a callback replayed with the same state and the same sealed login is refused even
 * when the browser kept a copy of the cookie. Bounded: a state needs remembering only until its login expires.
 *
 * <p>Today each node remembers its own ({@code InMemorySeenLoginStates}); the cluster issue backs this port with the
 * host's cluster-wide cache, so that a replay on another node is refused as well. Until then the authorization code,
 * which the provider accepts once, is what stops a replay on another node.
 */
@FunctionalInterface
public interface SeenLoginStates {

    /**
     * Records {@code state} as used until {@code expiresAt}.
     *
     * @return true the first time; false when it was used before (a replay)
     */
    boolean firstUse(String state, Instant expiresAt);
}
