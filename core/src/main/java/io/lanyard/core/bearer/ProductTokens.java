package io.lanyard.core.bearer;

/**
 * The products' own bearer tokens, which Lanyard must leave alone (docs/host-evidence.md 5.2): a Jira or Confluence
 * personal access token is standard Base64 of 33 bytes, 12 ASCII digits, {@code :}, 20 random bytes, so 44
 * characters and never a dot. The products' OAuth 2.0 tokens are HS256 JWTs without {@code iss}, which never name a
 * configured issuer. Bitbucket's HTTP access tokens have no documented format: they stay untouched because opaque
 * tokens are introspected only on the paths an administrator configured.
 */
final class ProductTokens {

    private static final int PAT_LENGTH = 44;
    private static final int PAT_ID_DIGITS = 12;

    private ProductTokens() {
    }

    /** Whether {@code token} has the exact shape of a Jira or Confluence personal access token. */
    static boolean isPersonalAccessToken(String token) {
        if (token.length() != PAT_LENGTH) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (bytes.length != 33 || bytes[PAT_ID_DIGITS] != ':') {
            return false;
        }
        for (int i = 0; i < PAT_ID_DIGITS; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
