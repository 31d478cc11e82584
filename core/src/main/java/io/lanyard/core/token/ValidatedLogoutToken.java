package io.lanyard.core.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A logout token that passed every check of Back-Channel Logout 1.0 §2.6 but single use: whom it logs out and until when
 * its {@code jti} must be remembered.
 *
 * @param issuer    the provider's issuer
 * @param subject   {@code sub}: every session of this person at this provider, when no {@code sid} narrows it
 * @param sessionId {@code sid}: the provider's session whose product sessions end
 * @param tokenId   {@code jti}, to be accepted once
 * @param expiresAt {@code exp}
 */
public record ValidatedLogoutToken(String issuer, Optional<String> subject, Optional<String> sessionId,
        String tokenId, Instant expiresAt) {

    public ValidatedLogoutToken {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
