package io.lanyard.core.secret.secured;

import io.lanyard.core.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM through the JDK (NIST SP 800-38D): a fresh random 96-bit IV for every value, a 128-bit tag, and the
 * property's name as associated data, so that a value moved to another name, or changed by one bit, is refused.
 * A stored value is {@code base64url(IV || ciphertext || tag)}.
 */
final class SecuredPropertyCipher {

    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte[] KEY_ID_CONTEXT = "lanyard secured-properties key id v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;
    private final SecureRandom random;

    /**
     * @throws SecuredStoreException if the key is not 256 bits
     */
    SecuredPropertyCipher(byte[] keyBytes, SecureRandom random) throws SecuredStoreException {
        if (keyBytes.length != KEY_BYTES) {
            throw new SecuredStoreException("the key is not a 256-bit key");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.random = random;
    }

    static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /**
     * Identifies the key without revealing it (a hash of it), so that a store written with another key is told
     * apart from a tampered value.
     */
    String keyId() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(KEY_ID_CONTEXT);
            byte[] digest = sha256.digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    String encrypt(String propertyName, Secret value) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        // The one place a secured value is revealed: to store it encrypted.
        byte[] plaintext = value.revealBytes();
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, propertyName);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + ciphertext.length).put(iv).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refuses AES-256-GCM encryption", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * @throws SecuredStoreException if the value is damaged, was changed, or was written under another name or key
     */
    Secret decrypt(String propertyName, String stored) throws SecuredStoreException {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new SecuredStoreException("its stored value is damaged (not base64url)");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecuredStoreException("its stored value is damaged (too short)");
        }
        byte[] plaintext = null;
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES), propertyName);
            plaintext = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            if (plaintext.length == 0) {
                throw new SecuredStoreException("its stored value is empty");
            }
            return Secret.of(new String(plaintext, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new SecuredStoreException("its stored value fails the integrity check: it was changed, or it was "
                    + "written with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refuses AES-256-GCM decryption", e);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private Cipher cipher(int mode, byte[] iv, String propertyName) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(propertyName.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
