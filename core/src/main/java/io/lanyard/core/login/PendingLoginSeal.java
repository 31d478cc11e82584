package io.lanyard.core.login;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a {@link PendingLogin} into a short text the browser keeps (in a cookie) until it comes back from the provider,
 * and opens it again: AES-256-GCM (NIST SP 800-38D) with a fresh 96-bit IV per login and a 128-bit tag, under the key
 * every cluster node shares ({@link LoginStateKey}). Sealed, the login's nonce and PKCE verifier are secret to the
 * browser that carries them, and no bit of it can be changed unnoticed; the server keeps nothing per login, so the
 * host can lose the session (Jira's and Confluence's bot killer cuts a new one to 60 s), send the callback to another
 * node, or have been reached under another host name, and the login still completes. Single use and the binding to
 * the response's {@code state} are the login flow's checks ({@link LoginService#completeLogin}).
 *
 * <p>The text is {@code base64url(version || IV || ciphertext || tag)}. Thread-safe.
 */
public final class PendingLoginSeal {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** A cookie is at most 4 KiB; anything much longer is not one of ours. */
    private static final int MAX_SEALED_LENGTH = 8 * 1024;
    private static final byte[] ASSOCIATED_DATA = "lanyard pending login v1".getBytes(StandardCharsets.US_ASCII);

    private final LoginStateKey key;
    private final SecureRandom random;

    private PendingLoginSeal(LoginStateKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    /** Under the key in {@code lanyardDirectory} (the shared home's), which it creates on first use. */
    public static PendingLoginSeal inFolder(Path lanyardDirectory) {
        SecureRandom random = new SecureRandom();
        return new PendingLoginSeal(LoginStateKey.inFolder(lanyardDirectory, random), random);
    }

    /** Under a key of this JVM alone: for a host without a home folder, and for tests of the edge. */
    public static PendingLoginSeal inMemory() {
        SecureRandom random = new SecureRandom();
        return new PendingLoginSeal(LoginStateKey.inMemory(random), random);
    }

    /**
     * @throws io.lanyard.core.error.LanyardException {@code LOGIN_STATE_KEY_UNAVAILABLE} when the key cannot be had
     */
    public String seal(PendingLogin login) {
        byte[] plaintext = serialize(login);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, iv).doFinal(plaintext);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer
                    .allocate(1 + IV_BYTES + ciphertext.length).put(VERSION).put(iv).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refuses AES-256-GCM encryption", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * @throws LoginFailedException {@code PENDING_LOGIN_UNREADABLE} when the text is not a login sealed under the key
     *                              held now (changed, cut, forged, or sealed before the key file was replaced)
     * @throws io.lanyard.core.error.LanyardException {@code LOGIN_STATE_KEY_UNAVAILABLE} when the key cannot be had
     */
    public PendingLogin open(String sealed) {
        byte[] bytes;
        try {
            bytes = sealed == null || sealed.length() > MAX_SEALED_LENGTH ? null : Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length < 1 + IV_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
            throw unreadable("it is not a sealed pending login of this version");
        }
        byte[] plaintext = null;
        try {
            plaintext = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(bytes, 1, 1 + IV_BYTES))
                    .doFinal(bytes, 1 + IV_BYTES, bytes.length - 1 - IV_BYTES);
            return deserialize(plaintext);
        } catch (AEADBadTagException e) {
            throw unreadable("it fails the integrity check: it was changed, or sealed under another key (the key file "
                    + LoginStateKey.FILE_NAME + " differs between the nodes, or was replaced since)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refuses AES-256-GCM decryption", e);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.current(), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(ASSOCIATED_DATA);
        return cipher;
    }

    private static byte[] serialize(PendingLogin login) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(login.identityProviderId());
            out.writeUTF(login.expectedIssuer());
            out.writeUTF(login.state());
            out.writeUTF(login.nonce());
            out.writeUTF(login.codeVerifier());
            out.writeUTF(login.redirectUri().toString());
            out.writeUTF(login.returnPath());
            out.writeLong(login.expiresAt().getEpochSecond());
            out.writeBoolean(login.silent());
            // Appended after the fields of the earlier formats, which a login started before an upgrade still has.
            if (login.reauthenticationOf().isPresent()) {
                out.writeUTF(login.reauthenticationOf().get());
            }
        } catch (IOException e) {
            throw new IllegalStateException("a pending login cannot be written to memory", e);
        }
        return bytes.toByteArray();
    }

    /** Only ever given what {@link #serialize} wrote and the key authenticated. */
    private static PendingLogin deserialize(byte[] plaintext) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
            PendingLogin login = new PendingLogin(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                    URI.create(in.readUTF()), in.readUTF(), Instant.ofEpochSecond(in.readLong()),
                    in.available() > 0 && in.readBoolean(), // sealed before silent logins existed: not silent
                    in.available() > 0 ? java.util.Optional.of(in.readUTF()) : java.util.Optional.empty());
            if (in.available() != 0) {
                throw unreadable("it has more than one login in it");
            }
            return login;
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable("its content is not a pending login");
        }
    }

    private static LoginFailedException unreadable(String why) {
        return new LoginFailedException(ErrorCode.PENDING_LOGIN_UNREADABLE, "the browser's pending login cannot be "
                + "opened: " + why);
    }
}
