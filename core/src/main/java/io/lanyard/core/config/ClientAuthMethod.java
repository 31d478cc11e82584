package io.lanyard.core.config;

import java.util.Locale;
import java.util.Optional;

/**
 * How Lanyard authenticates itself at the token endpoint: with the client secret (OAuth 2.0 RFC 6749 §2.3.1), or
 * with no shared secret at all, a JWT signed with Lanyard's own key (RFC 7523 §2.2, OpenID Connect Core §9).
 */
public enum ClientAuthMethod {
    /** HTTP Basic with the form-encoded client id and secret: the default every provider must support. */
    CLIENT_SECRET_BASIC,
    /** Client id and secret in the form body. */
    CLIENT_SECRET_POST,
    /**
     * A client assertion signed with Lanyard's own key, whose public key the provider reads from Lanyard's JWKS URL or
     * was given as a certificate: no client secret at all.
     */
    PRIVATE_KEY_JWT;

    /** Whether this method sends the client secret (and so needs one). */
    public boolean usesClientSecret() {
        return this != PRIVATE_KEY_JWT;
    }

    /** The registered name, e.g. {@code client_secret_basic}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ClientAuthMethod> fromWireName(String value) {
        for (ClientAuthMethod method : values()) {
            if (method.wireName().equals(value)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
