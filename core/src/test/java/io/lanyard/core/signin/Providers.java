package io.lanyard.core.signin;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import java.util.function.UnaryOperator;

/** Valid providers for the sign-in tests, each shaped by the test. */
final class Providers {

    private Providers() {
    }

    static IdentityProviderConfig provider(String id, UnaryOperator<IdentityProviderConfigBuilder> shape) {
        IdentityProviderConfigBuilder builder = IdentityProviderConfig.builder().id(id).displayName("Provider " + id)
                .discoveryUrl("https://" + id.toLowerCase() + ".example.com/.well-known/openid-configuration")
                .clientId("jira");
        return shape.apply(builder).build();
    }
}
