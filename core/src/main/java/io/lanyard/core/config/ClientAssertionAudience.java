package io.lanyard.core.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What a client assertion ({@code private_key_jwt}) names as its audience. RFC 7523 §3 lets the authorization
 * server choose ("the token endpoint URL of the authorization server MAY be used"), OpenID Connect Core §9 says the
 * audience "SHOULD be the URL of the Authorization Server's Token Endpoint"; some providers want their issuer instead.
 */
public enum ClientAssertionAudience {
    /** The token endpoint's URL, as OpenID Connect Core §9 recommends (Keycloak, Entra ID). */
    TOKEN_ENDPOINT,
    /** The provider's issuer identifier (RFC 7523 §3 allows it; e.g. Okta's org authorization server). */
    ISSUER;

    /** The name in {@code provider.xml} and the admin pages, e.g. {@code token_endpoint}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ClientAssertionAudience> fromWireName(String value) {
        for (ClientAssertionAudience audience : values()) {
            if (audience.wireName().equals(value)) {
                return Optional.of(audience);
            }
        }
        return Optional.empty();
    }
}
