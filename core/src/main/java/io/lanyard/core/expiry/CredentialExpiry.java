package io.lanyard.core.expiry;

import java.time.Instant;
import java.util.Objects;

/**
 * When one credential of an integration ends, and whether it is the one Lanyard uses.
 *
 * @param kind   a client secret or a certificate
 * @param label  what administrators recognise it by: its description in Entra ID and its first characters or
 *               thumbprint, or "entered by an administrator"
 * @param origin where the date comes from
 * @param endsAt when it ends
 * @param use    whether Lanyard uses it (the secret or certificate it authenticates with), it is the next one, or
 *               another credential of the same app
 */
public record CredentialExpiry(Kind kind, String label, Origin origin, Instant endsAt, Use use) {

    public enum Kind { CLIENT_SECRET, CERTIFICATE }

    public enum Origin {
        /** The app registration's {@code endDateTime}, read through Microsoft Graph. */
        MICROSOFT_GRAPH,
        /** {@code CLIENT_SECRET_EXPIRES_ON}, entered by an administrator. */
        ENTERED,
        /** The end of Lanyard's own signing certificate. */
        LANYARD_CERTIFICATE
    }

    public enum Use {
        /** The credential Lanyard authenticates with now. */
        IN_USE,
        /** The next secret (or next signing key) of a rotation. */
        NEXT,
        /** Another credential of the same app registration. */
        OTHER,
        /** Lanyard cannot tell (Graph gave no hint to match). */
        UNKNOWN
    }

    public CredentialExpiry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(use, "use");
    }
}
