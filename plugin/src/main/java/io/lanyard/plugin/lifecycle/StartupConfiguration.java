package io.lanyard.plugin.lifecycle;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HomeDirectory;
import java.nio.file.Path;
import java.util.List;
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
        IntegrationKind<C> kind = store.kind();
        if (!store.exists()) {
            if (kind == IntegrationKind.IDENTITY_PROVIDER) {
                LOG.info("No {} yet: single sign-on is off until an identity provider is configured", store.file());
            }
            return configuration;
        }
        try {
            List<C> loaded = store.load();
            LOG.info("Loaded {} ({} {}(s){})", store.file(), loaded.size(), kind.label(),
                    kind == IntegrationKind.IDENTITY_PROVIDER ? ", " + enabledCount(loaded) + " enabled" : "");
            return configuration.with(kind, loaded);
        } catch (ConfigurationException e) {
            LOG.error("{} {} was refused with {} error(s); {} until it is corrected{}", e.errorCode().code(),
                    store.file(), e.fieldErrors().size(), whatIsOff(kind), ownLoginStays(kind));
            for (FieldError error : e.fieldErrors()) {
                LOG.error("{} {}", e.errorCode().code(), error);
            }
        } catch (LanyardException e) {
            LOG.error("{} {}; {}{}", e.errorCode().code(), e.getMessage(), whatIsOff(kind), ownLoginStays(kind));
        } catch (RuntimeException e) {
            // Starting the product matters more than our configuration: anything unforeseen is logged, never thrown.
            LOG.error("{} Unexpected failure reading {}; {}", ErrorCode.INTERNAL_ERROR.code(), store.file(),
                    whatIsOff(kind), e);
        }
        return configuration;
    }

    private static long enabledCount(List<? extends Integration> loaded) {
        return loaded.stream().filter(Integration::enabled).count();
    }

    /** Without identity providers there is no single sign-on; without another kind, only that kind is off. */
    private static String whatIsOff(IntegrationKind<?> kind) {
        return kind == IntegrationKind.IDENTITY_PROVIDER ? "single sign-on is off" : kind.label() + "s are off";
    }

    private static String ownLoginStays(IntegrationKind<?> kind) {
        return kind == IntegrationKind.IDENTITY_PROVIDER ? ", the application's own login stays in place" : "";
    }
}
