package io.lanyard.core.login;

import java.util.Optional;

/**
 * The parameters the identity provider sent back to the callback (OAuth 2.0 RFC 6749 §4.1.2 and §4.1.2.1,
 * RFC 9207 {@code iss}). Every value is exactly as received; blank values are treated as absent.
 */
public record AuthorizationResponse(
        Optional<String> state,
        Optional<String> code,
        Optional<String> issuer,
        Optional<String> error,
        Optional<String> errorDescription) {

    public static AuthorizationResponse of(String state, String code, String issuer, String error, String errorDescription) {
        return new AuthorizationResponse(present(state), present(code), present(issuer), present(error),
                present(errorDescription));
    }

    private static Optional<String> present(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Leaves out the authorization code. */
    @Override
    public String toString() {
        return "AuthorizationResponse[state=" + state.isPresent() + ", code=" + code.isPresent()
                + ", iss=" + issuer.orElse("-") + ", error=" + error.orElse("-") + "]";
    }
}
