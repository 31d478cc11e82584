package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.host.HostUser;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The values of a login as they appear in logs: what identifies the login is there, the state, nonce, PKCE
 * verifier, authorization code and ID token never are.
 */
class LoginValuesRedactionTest {

    @Test
    void aPendingLoginShowsItsProviderAndReturnPathButNoneOfItsSecrets() {
        PendingLogin pending = new PendingLogin("idp1", "https://idp.example.com", "state-value", "nonce-value",
                "verifier-value", URI.create("https://host.example.com/cb"), "/browse/X", Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(pending.toString()).contains("idp1", "/browse/X", "2026-01-01T00:00:00Z")
                .doesNotContain("state-value", "nonce-value", "verifier-value");
    }

    @Test
    void anAuthorizationResponseShowsIssAndErrorButNotTheCode() {
        assertThat(AuthorizationResponse.of("state-value", "code-value", "https://idp.example.com", "access_denied", null))
                .hasToString("AuthorizationResponse[state=true, code=true, iss=https://idp.example.com, error=access_denied]");
    }

    @Test
    void aLoginSuccessShowsWhoAndWhereButNotTheIdToken() {
        LoginSuccess success = new LoginSuccess(new HostUser("alice", "Alice", "alice@example.com", true), "idp1", "sub-1",
                "/browse/X", "header.payload.signature", Map.of("sub", "sub-1"));

        assertThat(success.toString()).contains("alice", "idp1", "/browse/X").doesNotContain("header.payload.signature");
    }
}
