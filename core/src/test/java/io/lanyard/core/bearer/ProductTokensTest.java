package io.lanyard.core.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The shape of a Jira or Confluence personal access token (docs/host-evidence.md 5.2): Base64 of 12 ASCII digits,
 * {@code :} and 20 random bytes. Anything near it is not one, so Lanyard never leaves a look-alike unchecked.
 */
class ProductTokensTest {

    private static String pat(String id, char separator, int randomBytes) {
        byte[] bytes = new byte[id.length() + 1 + randomBytes];
        byte[] digits = id.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, bytes, 0, digits.length);
        bytes[digits.length] = (byte) separator;
        for (int i = digits.length + 1; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
        }
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void aPersonalAccessTokensExactShapeIsRecognised() {
        assertThat(pat("123456789012", ':', 20)).hasSize(44);
        assertThat(ProductTokens.isPersonalAccessToken(pat("123456789012", ':', 20))).isTrue();
        assertThat(ProductTokens.isPersonalAccessToken(pat("000000000000", ':', 20))).isTrue();
        assertThat(ProductTokens.isPersonalAccessToken(pat("999999999999", ':', 20))).isTrue();
    }

    @Test
    void everythingNearItIsNot() {
        assertThat(ProductTokens.isPersonalAccessToken(pat("12345678901/", ':', 20))).as("'/' below '0'").isFalse();
        assertThat(ProductTokens.isPersonalAccessToken(pat("/23456789012", ':', 20))).as("first digit").isFalse();
        assertThat(ProductTokens.isPersonalAccessToken(pat("12345678901:", ':', 20))).as("':' above '9'").isFalse();
        assertThat(ProductTokens.isPersonalAccessToken(pat("12345678901a", ':', 20))).isFalse();
        assertThat(ProductTokens.isPersonalAccessToken(pat("123456789012", ';', 20))).as("separator").isFalse();
        String shorter = pat("123456789012", ':', 19) + "=";
        assertThat(shorter).hasSize(44);
        assertThat(ProductTokens.isPersonalAccessToken(shorter)).as("44 characters that decode to 32 bytes").isFalse();
        assertThat(ProductTokens.isPersonalAccessToken(pat("123456789012", ':', 20).substring(1)))
                .as("43 characters").isFalse();
        assertThat(ProductTokens.isPersonalAccessToken(pat("123456789012", ':', 20) + "A"))
                .as("45 characters").isFalse();
        assertThat(ProductTokens.isPersonalAccessToken("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXI"))
                .as("a JWT").isFalse();
        assertThat(ProductTokens.isPersonalAccessToken("*".repeat(44))).as("not Base64").isFalse();
    }
}
