package io.lanyard.core.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * How an account remembers the identities it belongs to, in the values of the user attribute
 * {@link io.lanyard.core.host.AccountWrites#IDENTITY_ATTRIBUTE}: one value per issuer, {@code <issuer tag>:<sub>}.
 * The issuer tag is a short digest of the issuer (an issuer URL may be long; Crowd keeps attribute values of up to
 * 255 characters); a {@code sub} longer than {@value #MAX_PLAIN_SUBJECT} characters is kept as its digest too. OIDC
 * Core §2: {@code iss} and {@code sub} together are the only stable identifier of a person; a username or an e-mail
 * address can be given to someone else at the provider.
 */
final class IdentityBinding {

    static final int MAX_PLAIN_SUBJECT = 200;

    private IdentityBinding() {
    }

    /** The value that stands for {@code sub} of {@code issuer}. */
    static String value(String issuer, String subject) {
        String sub = subject.length() <= MAX_PLAIN_SUBJECT ? subject : "sha256:" + digest(subject, 43);
        return tag(issuer) + ":" + sub;
    }

    /** Whether {@code values} hold a value of {@code issuer} that is not {@code expected}: another person's. */
    static boolean boundToAnother(Set<String> values, String issuer, String expected) {
        String prefix = tag(issuer) + ":";
        return values.stream().anyMatch(value -> value.startsWith(prefix) && !value.equals(expected));
    }

    private static String tag(String issuer) {
        return digest(issuer, 16);
    }

    private static String digest(String text, int length) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
