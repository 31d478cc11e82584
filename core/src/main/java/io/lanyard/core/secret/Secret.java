package io.lanyard.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A secret value (a client secret, a key): the only type a secret travels in.
 *
 * <p>Its {@link #toString()} is redacted so that a secret cannot reach a log line, an exception message or
 * a page by accident; {@link #equals(Object)} compares in constant time; {@link #reveal()} is the one,
 * greppable place where the plaintext is taken out, at the moment it is sent to the identity provider.
 */
public final class Secret {

    private static final String REDACTED = "Secret[redacted]";
    private static final int FINGERPRINT_BYTES = 4;

    private final byte[] utf8;

    private Secret(byte[] utf8) {
        this.utf8 = utf8;
    }

    /**
     * @throws IllegalArgumentException if the value is empty: an empty secret is "not set", not a secret
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The plaintext, to be sent where it belongs. Never log, render or store the result. */
    public String reveal() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** The plaintext as UTF-8 bytes (a copy), e.g. as an HMAC key. */
    public byte[] revealBytes() {
        return utf8.clone();
    }

    /**
     * A short fingerprint, so that administrators can tell two secrets apart (and see which one a node uses) without
     * the value: the first 8 hex digits of the SHA-256 of its UTF-8 bytes ({@code printf %s "$SECRET" | sha256sum
     * | cut -c1-8}). 32 bits of a hash say nothing useful about a secret of real length, and cannot be reversed.
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8);
            return HexFormat.of().formatHex(digest, 0, FINGERPRINT_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Whether the secret starts with {@code hint}: Microsoft Entra ID shows (and Microsoft Graph returns as
     * {@code hint}) the first three characters of each client secret, which tells which of an app's secrets this is.
     */
    public boolean startsWith(String hint) {
        byte[] prefix = hint.getBytes(StandardCharsets.UTF_8);
        return prefix.length > 0 && prefix.length <= utf8.length
                && MessageDigest.isEqual(Arrays.copyOf(utf8, prefix.length), prefix);
    }

    /** Constant-time comparison, so that timing does not tell how much of a guess was right. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret && MessageDigest.isEqual(utf8, ((Secret) other).utf8);
    }

    /** Constant, so that the hash of a secret does not leak anything about it. */
    @Override
    public int hashCode() {
        return 0x5ec7e7;
    }

    @Override
    public String toString() {
        return REDACTED;
    }

    /** Overwrites the bytes held here; the secret is unusable afterwards. */
    public void erase() {
        Arrays.fill(utf8, (byte) 0);
    }
}
