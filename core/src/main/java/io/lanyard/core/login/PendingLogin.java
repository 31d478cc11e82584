package io.lanyard.core.login;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One login in progress: everything the callback needs to check the response, created when the login starts
 * and consumed exactly once when the browser returns. The servlet edge keeps it with the browser that started the
 * login, sealed ({@link PendingLoginSeal}) in a cookie that only the callback receives, and clears it when the
 * browser comes back; the flow refuses a second use ({@link LoginService#completeLogin}).
 *
 * @param identityProviderId the provider the login was sent to (mix-up defence: the callback must match)
 * @param expectedIssuer     that provider's issuer when the login started (RFC 9207 {@code iss} check)
 * @param state              OAuth 2.0 {@code state}: CSRF protection, the key under which this login is kept
 * @param nonce              OIDC {@code nonce}: binds the ID token to this login
 * @param codeVerifier       PKCE verifier (RFC 7636), sent only to the token endpoint
 * @param redirectUri        the exact redirect URI sent in the authorization request
 * @param returnPath         where to go after login, relative to the host's base URL, already validated
 * @param expiresAt          after this instant the login is refused as expired
 * @param silent             sent with {@code prompt=none} (a session renewed at the end of its lifetime): when the
 *                           provider needs the person, the normal login follows instead of an error
 * @param reauthenticationOf for a re-authentication (WebSudo), the username that must come back; empty for a login
 */
public record PendingLogin(
        String identityProviderId,
        String expectedIssuer,
        String state,
        String nonce,
        String codeVerifier,
        URI redirectUri,
        String returnPath,
        Instant expiresAt,
        boolean silent,
        Optional<String> reauthenticationOf) {

    public PendingLogin {
        Objects.requireNonNull(identityProviderId, "identityProviderId");
        Objects.requireNonNull(expectedIssuer, "expectedIssuer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(returnPath, "returnPath");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(reauthenticationOf, "reauthenticationOf");
    }

    /** A login that may ask the person (not {@code prompt=none}), not a re-authentication. */
    public PendingLogin(String identityProviderId, String expectedIssuer, String state, String nonce,
            String codeVerifier, URI redirectUri, String returnPath, Instant expiresAt) {
        this(identityProviderId, expectedIssuer, state, nonce, codeVerifier, redirectUri, returnPath, expiresAt, false);
    }

    /** Not a re-authentication. */
    public PendingLogin(String identityProviderId, String expectedIssuer, String state, String nonce,
            String codeVerifier, URI redirectUri, String returnPath, Instant expiresAt, boolean silent) {
        this(identityProviderId, expectedIssuer, state, nonce, codeVerifier, redirectUri, returnPath, expiresAt, silent,
                Optional.empty());
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Leaves out the nonce and the PKCE verifier. */
    @Override
    public String toString() {
        return "PendingLogin[idp=" + identityProviderId + ", returnPath=" + returnPath + ", expiresAt=" + expiresAt
                + (silent ? ", silent" : "") + (reauthenticationOf.isPresent() ? ", reauthentication" : "") + "]";
    }
}
