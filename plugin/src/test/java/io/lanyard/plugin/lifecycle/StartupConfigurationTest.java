package io.lanyard.plugin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lanyard.core.config.LanyardConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class StartupConfigurationTest {

    static final String ONE_PROVIDER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <lanyard-providers version="1">
              <provider id="corporate" enabled="true">
                <DISPLAY_NAME>Corporate Keycloak</DISPLAY_NAME>
                <DISCOVERY_URL>https://idp.example.com/realms/acme/.well-known/openid-configuration</DISCOVERY_URL>
                <CLIENT_ID>lanyard</CLIENT_ID>
                <CLIENT_SECRET>test-secret</CLIENT_SECRET>
              </provider>
            </lanyard-providers>
            """;

    @TempDir
    Path folder;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    /** Lanyard's loggers: the start's own and the files' (ConfigurationFiles reads them, at start and later). */
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.lanyard");

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void validFileIsLoaded() throws Exception {
        Files.writeString(folder.resolve("provider.xml"), ONE_PROVIDER);

        LanyardConfiguration configuration = StartupConfiguration.load(Optional.of(folder));

        assertThat(configuration.enabledIdentityProviders()).hasSize(1);
    }

    @Test
    void missingFileMeansNoIdentityProvider() {
        LanyardConfiguration configuration = StartupConfiguration.load(Optional.of(folder));

        assertThat(configuration.identityProviders()).isEmpty();
        assertThat(log.list).noneMatch(event -> event.getLevel() == Level.ERROR);
    }

    @Test
    void invalidFileIsLoggedWithEveryErrorAndLeavesNoIdentityProvider() throws Exception {
        Files.writeString(folder.resolve("provider.xml"), ONE_PROVIDER
                .replace("<CLIENT_ID>lanyard</CLIENT_ID>", "<CLIENT_IDENT>lanyard</CLIENT_IDENT>")
                .replace("https://idp.example.com", "http://idp.example.com"));

        LanyardConfiguration configuration = StartupConfiguration.load(Optional.of(folder));

        assertThat(configuration.identityProviders()).isEmpty();
        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.ERROR)
                .hasSizeGreaterThanOrEqualTo(3)
                .allMatch(event -> event.getFormattedMessage().startsWith("LNY-100 "));
        assertThat(log.list.get(0).getFormattedMessage()).contains("the application's own login stays in place");
    }

    @Test
    void unreadableFileIsLoggedAndLeavesNoIdentityProvider() throws Exception {
        Files.writeString(folder.resolve("provider.xml"), "<lanyard-providers version=\"1\"><provider");

        LanyardConfiguration configuration = StartupConfiguration.load(Optional.of(folder));

        assertThat(configuration.identityProviders()).isEmpty();
        assertThat(log.list).anyMatch(event -> event.getLevel() == Level.ERROR
                && event.getFormattedMessage().startsWith("LNY-101 "));
    }

    @Test
    void homeTheHostCannotNameIsLoggedAndLeavesNoIdentityProvider() {
        Optional<Path> store = StartupConfiguration.locate(() -> {
            throw new IllegalStateException("the application reports neither a shared nor a local home");
        });

        assertThat(store).isEmpty();
        assertThat(StartupConfiguration.load(store).identityProviders()).isEmpty();
        assertThat(log.list).anyMatch(event -> event.getFormattedMessage().startsWith("LNY-101 "));
    }
}
