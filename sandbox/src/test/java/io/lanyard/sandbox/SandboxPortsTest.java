package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.config.xml.ProviderXml;
import io.lanyard.sandbox.idp.BuiltInProvider;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ports are checked before anything starts or is written, and a busy one is named in one line with the way out;
 * {@code --idp-port} moves a stored built-in provider instead of being overridden by {@code provider.xml}.
 */
class SandboxPortsTest {

    @TempDir
    Path home;

    private static ServerSocket occupy() throws Exception {
        return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    }

    private SandboxOptions idpPortGiven(int sandboxPort, int identityProviderPort) {
        return new SandboxOptions(sandboxPort, home, identityProviderPort, true, SandboxOptions.DEFAULT_PRODUCT,
                Optional.empty(), false, Optional.empty());
    }

    private Path providerXml() {
        return home.resolve("lanyard").resolve(ProviderXml.FILE_NAME);
    }

    @Test
    void aBusySandboxPortIsNamedInOneLineBeforeAnythingIsWritten() throws Exception {
        try (ServerSocket busy = occupy()) {
            int port = busy.getLocalPort();

            assertThatThrownBy(() -> Sandbox.start(new SandboxOptions(port, home, 0)))
                    .isInstanceOf(BindException.class)
                    .hasMessage("port " + port + " of the sandbox (--port) is in use by another program: choose another"
                            + " with --port N");
        }
        assertThat(home.resolve("lanyard")).doesNotExist();
    }

    @Test
    void aBusyProviderPortIsNamedWithTheOptionThatChoosesAnother() throws Exception {
        try (ServerSocket busy = occupy()) {
            int port = busy.getLocalPort();

            assertThatThrownBy(() -> Sandbox.start(idpPortGiven(0, port)))
                    .isInstanceOf(BindException.class)
                    .hasMessage("port " + port + " of the built-in identity provider (--idp-port) is in use by another"
                            + " program: choose another with --idp-port N");
        }
        assertThat(providerXml()).doesNotExist();
    }

    @Test
    void aBusyStoredProviderPortNamesThePortTheFileAndTheWaysOutAndLeavesTheFileAlone() throws Exception {
        int stored;
        try (RunningSandbox first = Sandbox.start(SandboxOptions.onFreePorts(home))) {
            stored = first.builtInIssuer().map(URI::getPort).orElseThrow();
        }
        byte[] before = Files.readAllBytes(providerXml());

        try (ServerSocket busy = new ServerSocket(stored, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> Sandbox.start(SandboxOptions.onFreePorts(home)))
                    .isInstanceOf(BindException.class)
                    .hasMessage("port " + stored + " of the built-in identity provider (from " + providerXml() + ")"
                            + " is in use by another program: move it with --idp-port N (provider.xml is changed to it),"
                            + " or start a new sandbox with --home DIR");
        }
        assertThat(Files.readAllBytes(providerXml())).isEqualTo(before);
    }

    @Test
    void idpPortMovesAStoredBuiltInProviderAndTheMoveLasts() throws Exception {
        URI firstIssuer;
        try (RunningSandbox first = Sandbox.start(SandboxOptions.onFreePorts(home))) {
            firstIssuer = first.builtInIssuer().orElseThrow();
        }
        byte[] firstFile = Files.readAllBytes(providerXml());
        int newPort = SandboxMainIT.freePort();
        assertThat(newPort).isNotEqualTo(firstIssuer.getPort());

        try (RunningSandbox moved = Sandbox.start(idpPortGiven(0, newPort))) {
            assertThat(moved.builtInIssuer()).contains(BuiltInProvider.issuerAt(newPort));
            assertThat(moved.configuration().identityProviders().get(0).issuer())
                    .isEqualTo(BuiltInProvider.issuerAt(newPort).toString());
            Browser browser = new Browser();
            Browser.Page landed = browser.signInAtProvider(browser.open(URI.create(moved.baseUrl() + "/")), "alice");
            assertThat(landed.body()).contains("Logged in as alice");
        }
        LanyardConfiguration stored = new LanyardConfiguration(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home.resolve("lanyard")).load());
        assertThat(stored.identityProviders().get(0).discoveryUrl())
                .isEqualTo(URI.create(BuiltInProvider.issuerAt(newPort) + "/.well-known/openid-configuration"));
        assertThat(Files.readAllBytes(home.resolve("lanyard").resolve(ProviderXml.BACKUP_FILE_NAME)))
                .as("the file before the move").isEqualTo(firstFile);

        try (RunningSandbox again = Sandbox.start(SandboxOptions.onFreePorts(home))) {
            assertThat(again.builtInIssuer()).contains(BuiltInProvider.issuerAt(newPort));
        }
    }

    @Test
    void theSandboxPortCannotBeTheStoredProviderPort() throws Exception {
        int stored;
        try (RunningSandbox first = Sandbox.start(SandboxOptions.onFreePorts(home))) {
            stored = first.builtInIssuer().map(URI::getPort).orElseThrow();
        }

        assertThatThrownBy(() -> Sandbox.start(new SandboxOptions(stored, home, 0)))
                .isInstanceOf(BindException.class)
                .hasMessageStartingWith("port " + stored + " cannot serve both the sandbox (--port) and the built-in"
                        + " identity provider (from " + providerXml() + "): move it with --idp-port N");
    }
}
