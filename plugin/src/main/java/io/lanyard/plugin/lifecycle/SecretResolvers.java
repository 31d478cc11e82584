package io.lanyard.plugin.lifecycle;

import io.lanyard.core.secret.ClientSecretResolver;
import io.lanyard.core.secret.ConfigurationFileSecretResolver;

/** Where the plugin gets its {@link ClientSecretResolver}: the one place to change when secret sources change. */
public final class SecretResolvers {

    private SecretResolvers() {
    }

    /**
     * Secrets from {@code provider.xml}. Issue 3 (environment, JVM properties, encrypted store) replaces this line
     * with its resolver, e.g. {@code new ExternalSecretResolver(System.getenv(), properties, SecuredValues.none())}.
     */
    public static ClientSecretResolver forPlugin() {
        return new ConfigurationFileSecretResolver();
    }
}
