package io.lanyard.core.token;

import java.util.Objects;
import java.util.Optional;

/** What the token endpoint returned that Lanyard uses. Never printed: both values are credentials. */
public record TokenResult(String idToken, Optional<String> accessToken) {

    public TokenResult {
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String toString() {
        return "TokenResult[redacted]";
    }
}
