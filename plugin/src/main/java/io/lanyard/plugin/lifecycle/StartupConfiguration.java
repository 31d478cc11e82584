package io.lanyard.plugin.lifecycle;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.ProviderXmlStore;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HomeDirectory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code provider.xml} when the plugin starts, and never lets a bad file stop the product: a missing file
 * means no identity provider; an unreadable or invalid one is logged with its code and every error, and Lanyard
 * runs with no identity provider, so that the product's own login stays in place and nobody is locked out.
 */
final class StartupConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StartupConfiguration.class);

    private StartupConfiguration() {
    }

    /** The store in Lanyard's folder; empty (and logged) when the application cannot say where its home is. */
    static Optional<ProviderXmlStore> locate(HomeDirectory home) {
        try {
            return Optional.of(new ProviderXmlStore(home.lanyardDirectory()));
        } catch (RuntimeException e) {
            LOG.error("{} Lanyard cannot locate its folder in the application's home ({}); single sign-on is off, "
                    + "the application's own login stays in place", ErrorCode.CONFIG_UNREADABLE.code(), e.toString());
            return Optional.empty();
        }
    }

    static LanyardConfiguration load(Optional<ProviderXmlStore> located) {
        if (located.isEmpty()) {
            return LanyardConfiguration.empty();
        }
        ProviderXmlStore store = located.get();
        if (!store.exists()) {
            LOG.info("No {} yet: single sign-on is off until an identity provider is configured", store.file());
            return LanyardConfiguration.empty();
        }
        try {
            LanyardConfiguration configuration = store.load();
            LOG.info("Loaded {} ({} identity provider(s), {} enabled)", store.file(),
                    configuration.identityProviders().size(), configuration.enabledIdentityProviders().size());
            return configuration;
        } catch (ConfigurationException e) {
            LOG.error("{} {} was refused with {} error(s); single sign-on is off until it is corrected, the "
                    + "application's own login stays in place", e.errorCode().code(), store.file(), e.fieldErrors().size());
            for (FieldError error : e.fieldErrors()) {
                LOG.error("{} {}", e.errorCode().code(), error);
            }
        } catch (LanyardException e) {
            LOG.error("{} {}; single sign-on is off, the application's own login stays in place",
                    e.errorCode().code(), e.getMessage());
        } catch (RuntimeException e) {
            // Starting the product matters more than our configuration: anything unforeseen is logged, never thrown.
            LOG.error("{} Unexpected failure reading {}; single sign-on is off", ErrorCode.INTERNAL_ERROR.code(),
                    store.file(), e);
        }
        return LanyardConfiguration.empty();
    }
}
