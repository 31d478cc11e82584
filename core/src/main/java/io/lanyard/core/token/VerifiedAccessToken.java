package io.lanyard.core.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An access token that passed every check that does not depend on the request: signed by (or confirmed active by)
 * its issuer, for us, within its lifetime.
 *
 * @param issuerId  the configured token issuer's id
 * @param clientId  {@code client_id} (RFC 9068 §2.2, RFC 7662 §2.2), else {@code azp}
 * @param subject   {@code sub}: for a client-credentials token usually the client itself
 * @param scopes    {@code scope} (space-separated), else {@code scp} (Okta, Entra ID delegated), else {@code roles}
 *                  (Entra ID app-only)
 * @param expiresAt {@code exp}
 * @param issuedAt  {@code iat}; RFC 7662 answers may leave it out
 * @param claims    every claim, for a delegated user's claim
 */
public record VerifiedAccessToken(String issuerId, String clientId, Optional<String> subject, List<String> scopes,
        Instant expiresAt, Optional<Instant> issuedAt, Map<String, Object> claims) {

    public VerifiedAccessToken {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(claims, "claims");
    }

    /** Never prints the claims' values beyond who and what. */
    @Override
    public String toString() {
        return "VerifiedAccessToken[issuer=" + issuerId + ", client=" + clientId + ", scopes=" + scopes + ", exp="
                + expiresAt + "]";
    }
}
