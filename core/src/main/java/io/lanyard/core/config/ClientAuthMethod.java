package io.lanyard.core.config;

import java.util.Locale;
import java.util.Optional;

/** How Lanyard authenticates itself at the token endpoint (OAuth 2.0 RFC 6749 §2.3.1). */
public enum ClientAuthMethod {
    /** HTTP Basic with the form-encoded client id and secret: the default every provider must support. */
    CLIENT_SECRET_BASIC,
    /** Client id and secret in the form body. */
    CLIENT_SECRET_POST;

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
