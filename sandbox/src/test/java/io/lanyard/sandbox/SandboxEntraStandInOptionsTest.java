package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --entra-stand-in}: where the Cloud integration page's "Test" goes in the sandbox, and only on this machine. */
class SandboxEntraStandInOptionsTest {

    private static SandboxOptions parse(String... arguments) throws Exception {
        return SandboxOptions.parse(List.of(arguments));
    }

    @Test
    void withoutTheOptionConnectorTestsGoToMicrosoft() throws Exception {
        assertThat(parse().entraStandIn()).isEmpty();
        assertThat(SandboxOptions.onFreePorts(Path.of("/tmp/x")).entraStandIn()).isEmpty();
    }

    @Test
    void aLoopbackUrlIsTakenInBothSpellings() throws Exception {
        assertThat(parse("--entra-stand-in", "http://localhost:9999").entraStandIn())
                .contains(URI.create("http://localhost:9999"));
        assertThat(parse("--entra-stand-in=http://127.0.0.1:8089/entra").entraStandIn())
                .contains(URI.create("http://127.0.0.1:8089/entra"));
    }

    @Test
    void aUrlOffThisMachineIsRefusedBecauseTheConnectorsSecretWouldGoThere() {
        assertThatThrownBy(() -> parse("--entra-stand-in", "https://login.example.com"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--entra-stand-in expects an http(s) URL on this machine");
        assertThatThrownBy(() -> parse("--entra-stand-in", "not a url")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> parse("--entra-stand-in", "ftp://localhost/x")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> SandboxOptions.onFreePorts(Path.of("/tmp/x"))
                .withEntraStandIn(URI.create("http://graph.example.com"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builtInStartsTheSandboxsOwnStandInInsteadOfOneAtAUrl() throws Exception {
        SandboxOptions options = parse("--entra-stand-in", "built-in", "--product", "bitbucket");

        assertThat(options.builtInEntraStandIn()).isTrue();
        assertThat(options.entraStandIn()).isEmpty();
        assertThat(options.as(io.lanyard.core.host.HostProduct.of("jira", "10.3.0")).builtInEntraStandIn()).isTrue();
        assertThat(parse().builtInEntraStandIn()).isFalse();
        assertThat(SandboxCommandLine.usage()).contains("built-in");
    }

    @Test
    void theOtherOptionsKeepTheStandIn() throws Exception {
        SandboxOptions options = parse("--entra-stand-in", "http://localhost:9999", "--product", "bitbucket");

        assertThat(options.as(io.lanyard.core.host.HostProduct.of("jira", "10.3.0")).entraStandIn())
                .contains(URI.create("http://localhost:9999"));
        assertThat(SandboxCommandLine.usage()).contains("--entra-stand-in URL");
    }

    @Test
    void theStandInKeepsTheTokenPathAndServesGraphAtItsRoot() {
        EntraStandIn standIn = new EntraStandIn(URI.create("http://localhost:9999/"));
        io.lanyard.core.config.EntraConnectorConfig connector = io.lanyard.core.config.EntraConnectorConfig.builder()
                .id("wdlfqm6se9un").displayName("Contoso").tenantId("contoso.onmicrosoft.com")
                .clientId("11111111-2222-3333-4444-555555555555").build();

        assertThat(standIn.tokenEndpoint(connector))
                .isEqualTo(URI.create("http://localhost:9999/contoso.onmicrosoft.com/oauth2/v2.0/token"));
        assertThat(standIn.graphBaseUrl(connector)).isEqualTo(URI.create("http://localhost:9999"));
    }
}
