package io.lanyard.core.token;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Objects;

/** An ID token that passed every check: its claims, and the raw token (for a later {@code id_token_hint}). */
public record ValidatedIdToken(JWTClaimsSet claims, String raw) {

    public ValidatedIdToken {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(raw, "raw");
    }

    public String subject() {
        return claims.getSubject();
    }

    @Override
    public String toString() {
        return "ValidatedIdToken[iss=" + claims.getIssuer() + ", sub=" + claims.getSubject() + "]";
    }
}
