package io.lanyard.core.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The keys under which revocations travel between nodes and are looked up: a SHA-256 of what they name, so that they
 * are short and of one length whatever the issuer, {@code sub} or {@code sid} (Jira's cluster messages take at most
 * 200 characters) and no person's identifier travels in the clear.
 */
public final class RevocationKeys {

    private RevocationKeys() {
    }

    /** Every session of this person at this provider. */
    public static String ofSubject(String issuer, String subject) {
        return hash("sub", issuer, subject);
    }

    /** The sessions of this provider session ({@code sid}). */
    public static String ofSession(String issuer, String sessionId) {
        return hash("sid", issuer, sessionId);
    }

    private static String hash(String kind, String issuer, String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((kind + '\u0000' + issuer + '\u0000' + value).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
