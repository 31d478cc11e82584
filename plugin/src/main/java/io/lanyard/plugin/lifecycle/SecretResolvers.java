package io.lanyard.plugin.lifecycle;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.ClientSecretResolver;
import io.lanyard.core.secret.ClientSecretResolvers;
import io.lanyard.core.secret.ConfigurationFileSecretResolver;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the plugin gets its {@link ClientSecretResolver}: the one place to change when secret sources change. */
final class SecretResolvers {

    private static final Logger LOG = LoggerFactory.getLogger(SecretResolvers.class);

    private SecretResolvers() {
    }

    /**
     * The environment, JVM properties and (Bitbucket 9+) the encrypted store in Lanyard's folder, then
     * {@code provider.xml}, as {@link ClientSecretResolvers} assembles them once at start. Without a folder there is
     * no {@code provider.xml} either, so only the file's own secrets (none) are left.
     */
    static ClientSecretResolver forPlugin(HostProduct product, Optional<Path> lanyardDirectory) {
        if (lanyardDirectory.isEmpty()) {
            return new ConfigurationFileSecretResolver();
        }
        try {
            return ClientSecretResolvers.atStart(product, lanyardDirectory.get());
        } catch (RuntimeException e) {
            // The product's start matters more: log it, keep the secrets that provider.xml itself holds.
            LOG.error("{} Client secrets from the environment, JVM properties or the encrypted store are unavailable; "
                    + "only CLIENT_SECRET values of provider.xml are used", ErrorCode.INTERNAL_ERROR.code(), e);
            return new ConfigurationFileSecretResolver();
        }
    }
}
