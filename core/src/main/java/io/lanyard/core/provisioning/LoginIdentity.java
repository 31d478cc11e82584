package io.lanyard.core.provisioning;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.mapping.UsernameMapper;
import java.util.Map;
import java.util.Objects;

/**
 * A verified identity at the moment it becomes an account of the host.
 *
 * @param provider the identity provider's configuration
 * @param issuer   the ID token's {@code iss}
 * @param subject  the ID token's {@code sub}
 * @param claims   the validated claims (the ID token's, overlaid with userinfo's when configured)
 * @param usernames how the claims become a username (the provider's, compiled once)
 * @param groupRules the provider's group rules (compiled once)
 */
public record LoginIdentity(IdentityProviderConfig provider, String issuer, String subject, Map<String, Object> claims,
        UsernameMapper usernames, GroupRules groupRules) {

    public LoginIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(usernames, "usernames");
        Objects.requireNonNull(groupRules, "groupRules");
    }
}
