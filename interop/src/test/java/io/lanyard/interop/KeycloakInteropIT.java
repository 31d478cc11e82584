package io.lanyard.interop;

import io.lanyard.interop.harness.KeycloakServer;
import io.lanyard.interop.harness.ProviderUnderTest;
import java.nio.file.Path;

/**
 * The interoperability contract against Keycloak's server distribution from Maven Central, in dev mode with the
 * realm of {@code src/test/resources/keycloak/}. Started once for this class (a cold start takes a minute or two
 * on two shared cores), stopped after it.
 */
class KeycloakInteropIT extends InteropContract {

    @Override
    protected ProviderUnderTest startProvider(Path work, int sandboxPort) throws Exception {
        String version = System.getProperty("interop.keycloak.version", "");
        Path home = Path.of(System.getProperty("interop.keycloak.home", "target/keycloak/keycloak-" + version));
        Path javaHome = Path.of(System.getProperty("interop.keycloak.javaHome", System.getProperty("java.home")));
        return KeycloakServer.start(home, version, javaHome, work, sandboxPort);
    }
}
