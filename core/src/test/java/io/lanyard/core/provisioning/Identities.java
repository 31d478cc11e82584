package io.lanyard.core.provisioning;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.ProvisioningSettingsBuilder;
import io.lanyard.core.config.UserLookup;
import io.lanyard.core.mapping.UsernameMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Verified identities of one provider, with the provisioning settings a test gives it. */
final class Identities {

    static final String ISSUER = "https://idp.example.com/realms/acme";
    static final String PROVIDER = "AcmeKeycloak";

    private final IdentityProviderConfig provider;

    private Identities(IdentityProviderConfig provider) {
        this.provider = provider;
    }

    static Identities of(UnaryOperator<ProvisioningSettingsBuilder> settings) {
        return of(UserLookup.USERNAME, settings);
    }

    static Identities of(UserLookup lookup, UnaryOperator<ProvisioningSettingsBuilder> settings) {
        var builder = IdentityProviderConfig.builder().id(PROVIDER).displayName("Acme").discoveryUrl(ISSUER)
                .clientId("lanyard").userLookup(lookup);
        settings.apply(builder.provisioning());
        return new Identities(builder.build());
    }

    IdentityProviderConfig provider() {
        return provider;
    }

    /** {@code username} as preferred_username and sub {@code sub-<username>}, with {@code more} claims. */
    LoginIdentity of(String username, Map<String, Object> more) {
        return withSubject(username, "sub-" + username, more);
    }

    LoginIdentity withSubject(String username, String subject, Map<String, Object> more) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put("preferred_username", username);
        claims.putAll(more);
        return new LoginIdentity(provider, ISSUER, subject, claims, new UsernameMapper(provider.usernameMapping()),
                new GroupRules(provider.provisioning().groups()));
    }
}
