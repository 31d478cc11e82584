package io.lanyard.core.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host's session of a person Lanyard logged in carries beside the host's own login: which provider session it
 * belongs to (so a logout at the provider ends it on every node), when it must end (the provider's lifetime cap), and
 * the ID token for the {@code id_token_hint} of a logout at the provider. It lives exactly as long as that host session
 * and in it only: nothing of it is kept elsewhere. Read on every request of such a session by the revocation check,
 * which therefore finds everything here precomputed.
 *
 * <p>Not {@link java.io.Serializable} on purpose: an application server that writes sessions to disk skips it, and it
 * never meets a class loader that no longer knows its class.
 *
 * @param identityProviderId the provider that logged the person in
 * @param issuer             its issuer
 * @param subject            the person's {@code sub} there
 * @param sessionId          the provider's session ({@code sid} of the ID token), when it sent one
 * @param loggedInAt         when this session was logged in (epoch milliseconds)
 * @param endsAt             when the provider's lifetime cap ends it (epoch milliseconds; {@link Long#MAX_VALUE}: never)
 * @param idToken            the raw ID token, only for {@code id_token_hint}; never logged, never shown
 */
public record LanyardSession(String identityProviderId, String issuer, String subject, Optional<String> sessionId,
        long loggedInAt, long endsAt, String idToken, String subjectKey, String sessionKey) {

    /** The host session attribute it is kept under. */
    public static final String ATTRIBUTE = "io.lanyard.session";

    public LanyardSession {
        Objects.requireNonNull(identityProviderId, "identityProviderId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(subjectKey, "subjectKey");
    }

    /**
     * @param lifetimeEndsAt when the provider's cap ends the session, if it has one
     */
    public static LanyardSession of(String identityProviderId, String issuer, String subject, Optional<String> sessionId,
            Instant loggedInAt, Optional<Instant> lifetimeEndsAt, String idToken) {
        return new LanyardSession(identityProviderId, issuer, subject, sessionId, loggedInAt.toEpochMilli(),
                lifetimeEndsAt.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE), idToken,
                RevocationKeys.ofSubject(issuer, subject),
                sessionId.map(sid -> RevocationKeys.ofSession(issuer, sid)).orElse(null));
    }

    /** Whether the provider's lifetime cap has ended it at {@code nowMillis}. */
    public boolean lifetimeOver(long nowMillis) {
        return nowMillis >= endsAt;
    }

    /** Never the ID token. */
    @Override
    public String toString() {
        return "LanyardSession[idp=" + identityProviderId + ", sub=" + subject + ", sid=" + sessionId.isPresent()
                + ", loggedInAt=" + Instant.ofEpochMilli(loggedInAt) + "]";
    }
}
