package io.lanyard.plugin.web;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.login.PendingLogin;
import java.net.URI;
import java.time.Instant;

/** Values the edge's tests need from the core. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private Fixtures() {
    }

    static IdentityProviderConfig provider(String id, String displayName, boolean enabled) {
        return IdentityProviderConfig.builder()
                .id(id)
                .displayName(displayName)
                .enabled(enabled)
                .discoveryUrl("https://" + id + ".example.com")
                .clientId("lanyard")
                .build();
    }

    static PendingLogin pending(String state, Instant expiresAt) {
        return new PendingLogin("idp1", "https://idp1.example.com", state, "nonce-" + state, "verifier-" + state,
                URI.create("https://host.example.com/plugins/servlet/lanyard/callback/idp1"), "/pages/" + state, expiresAt);
    }

    static PendingLogin pending(String state) {
        return pending(state, NOW.plusSeconds(600));
    }
}
