package io.lanyard.core.entra;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One credential of an Entra ID app registration, as Microsoft Graph describes it: a client secret
 * ({@code passwordCredentials}) or a certificate ({@code keyCredentials}). Never a value: Graph returns none.
 *
 * @param kind        secret or certificate
 * @param displayName the description given in Entra ID, may be empty
 * @param identifier  for a secret its {@code hint} (its first three characters), for a certificate its SHA-1
 *                    thumbprint in upper-case hex
 * @param endsAt      its {@code endDateTime}
 */
public record AppCredential(Kind kind, String displayName, Optional<String> identifier, Instant endsAt) {

    public enum Kind { CLIENT_SECRET, CERTIFICATE }

    public AppCredential {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(endsAt, "endsAt");
    }
}
