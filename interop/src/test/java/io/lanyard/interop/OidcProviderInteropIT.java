package io.lanyard.interop;

import io.lanyard.interop.harness.OidcProviderServer;
import io.lanyard.interop.harness.ProviderUnderTest;
import java.nio.file.Path;

/**
 * The interoperability contract against panva's oidc-provider (OpenID Certified), installed from the npm registry
 * by the build and run with the machine's Node.js and {@code src/test/node/provider.mjs}: the generic OpenID
 * provider of the setup guides. The login form the browser fills in is the one {@code provider.mjs} renders for
 * oidc-provider's interaction step; everything of the protocol is oidc-provider's own.
 */
class OidcProviderInteropIT extends InteropContract {

    @Override
    protected ProviderUnderTest startProvider(Path work, int sandboxPort) throws Exception {
        Path directory = Path.of(System.getProperty("interop.oidcProvider.dir", "target/oidc-provider"));
        return OidcProviderServer.start(directory, work, sandboxPort);
    }
}
