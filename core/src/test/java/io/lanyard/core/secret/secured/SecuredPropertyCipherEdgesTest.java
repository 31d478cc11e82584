package io.lanyard.core.secret.secured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.secret.Secret;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * AES-256-GCM as the secured-property store uses it: a random key, a fresh IV for every encryption (GCM must never
 * reuse one under a key), a key id that stays what earlier starts wrote, and a value too short to hold more than an
 * IV and a tag refused for its integrity.
 */
class SecuredPropertyCipherEdgesTest {

    private static final String NAME = "ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET";

    @Test
    void newKeysAreRandom() {
        SecureRandom random = new SecureRandom();
        byte[] first = SecuredPropertyCipher.newKey(random);
        byte[] second = SecuredPropertyCipher.newKey(random);

        assertThat(first).hasSize(SecuredPropertyCipher.KEY_BYTES).isNotEqualTo(second)
                .isNotEqualTo(new byte[SecuredPropertyCipher.KEY_BYTES]);
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTimeAndDecryptsBack() throws Exception {
        SecuredPropertyCipher cipher = new SecuredPropertyCipher(SecuredPropertyCipher.newKey(new SecureRandom()),
                new SecureRandom());

        String first = cipher.encrypt(NAME, Secret.of("the-secret"));
        String second = cipher.encrypt(NAME, Secret.of("the-secret"));

        assertThat(first).isNotEqualTo(second);
        assertThat(java.util.Arrays.copyOf(Base64.getUrlDecoder().decode(first), 12))
                .isNotEqualTo(java.util.Arrays.copyOf(Base64.getUrlDecoder().decode(second), 12));
        assertThat(cipher.decrypt(NAME, first).reveal()).isEqualTo("the-secret");
        assertThat(cipher.decrypt(NAME, second).reveal()).isEqualTo("the-secret");
    }

    @Test
    void theKeyIdOfAKeyIsWhatEarlierStartsWrote() throws Exception {
        byte[] key = new byte[SecuredPropertyCipher.KEY_BYTES];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }

        // SHA-256 over "lanyard secured-properties key id v1" and the key, first 8 bytes: a store written by any
        // earlier version names its key so.
        assertThat(new SecuredPropertyCipher(key, new SecureRandom()).keyId()).isEqualTo("c9bea30cba63ebed");
    }

    @Test
    void aValueOfOnlyAnIvAndATagFailsTheIntegrityCheck() throws Exception {
        SecuredPropertyCipher cipher = new SecuredPropertyCipher(SecuredPropertyCipher.newKey(new SecureRandom()),
                new SecureRandom());
        String ivAndTagOnly = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[12 + 16]);

        assertThatThrownBy(() -> cipher.decrypt(NAME, ivAndTagOnly)).isInstanceOf(SecuredStoreException.class)
                .hasMessageContaining("integrity check");
    }
}
