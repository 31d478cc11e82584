package io.lanyard.plugin.lifecycle;

import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.ConfigurationFiles;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.HomeDirectory;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration files of every kind of integration when the plugin starts ({@code provider.xml},
 * {@code connector.xml}), and never lets a bad file stop the product: a missing file means none of that kind; an
 * unreadable or invalid one is logged with its code and every error, and Lanyard runs without what that file holds,
 * so that the product's own login stays in place and nobody is locked out. The sandbox starts the same way.
 */
public final class StartupConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StartupConfiguration.class);

    private StartupConfiguration() {
    }

    /** Lanyard's folder; empty (and logged) when the application cannot say where its home is. */
    public static Optional<Path> locate(HomeDirectory home) {
        try {
            return Optional.of(home.lanyardDirectory());
        } catch (RuntimeException e) {
            LOG.error("{} Lanyard cannot locate its folder in the application's home ({}); single sign-on is off, "
                    + "the application's own login stays in place", ErrorCode.CONFIG_UNREADABLE.code(), e.toString());
            return Optional.empty();
        }
    }

    /** Every kind's file in the folder, each refused on its own; nothing without a folder. */
    public static LanyardConfiguration load(Optional<Path> lanyardDirectory) {
        LanyardConfiguration configuration = LanyardConfiguration.empty();
        if (lanyardDirectory.isPresent()) {
            for (IntegrationKind<?> kind : IntegrationKind.ALL) {
                configuration = withFileOf(configuration, IntegrationXmlStore.of(kind, lanyardDirectory.get()));
            }
        }
        return configuration;
    }

    /** The configuration with the integrations of {@code store}'s file; unchanged (and logged) if it is bad. */
    public static <C extends Integration> LanyardConfiguration withFileOf(LanyardConfiguration configuration,
            IntegrationXmlStore<C> store) {
        return ConfigurationFiles.withFileOf(configuration, store);
    }
}
