package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken provider.xml locks nobody out: as in a product, the sandbox starts without providers, file untouched. */
class SandboxBrokenConfigurationTest {

    private static final String BROKEN = "<lanyard-providers version=\"1\"><provider id=\"x!\">"
            + "<DISPLAY_NAME>a</DISPLAY_NAME></provider></lanyard-providers>";

    @Test
    void startsWithoutProvidersShowsTheLocalLoginAndLeavesTheFileAsItWas(@TempDir Path home) throws Exception {
        Path file = Files.createDirectories(home.resolve("lanyard")).resolve("provider.xml");
        Files.writeString(file, BROKEN);

        try (RunningSandbox sandbox = Sandbox.start(SandboxOptions.onFreePorts(home))) {
            Browser browser = new Browser();
            Browser.Page login = browser.open(URI.create(sandbox.baseUrl() + "/pages/projects"));

            assertThat(sandbox.configuration().identityProviders()).isEmpty();
            assertThat(sandbox.builtInIssuer()).isEmpty();
            assertThat(browser.visited()).last().extracting(URI::getPath).isEqualTo("/login");
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.body()).contains("password");
        }
        assertThat(Files.readString(file)).isEqualTo(BROKEN);
    }
}
