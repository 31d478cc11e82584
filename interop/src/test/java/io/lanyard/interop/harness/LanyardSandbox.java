package io.lanyard.interop.harness;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.sandbox.RunningSandbox;
import io.lanyard.sandbox.Sandbox;
import io.lanyard.sandbox.SandboxOptions;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The sandbox as an administrator would point it at an identity provider: {@code provider.xml} written into a new
 * home before the start, so the sandbox uses that provider and not its built-in one. On a fixed port, because the
 * provider's registered redirect URI names it.
 */
public final class LanyardSandbox implements AutoCloseable {

    private final RunningSandbox sandbox;

    private LanyardSandbox(RunningSandbox sandbox) {
        this.sandbox = sandbox;
    }

    public static LanyardSandbox start(Path home, int port, IdentityProviderConfig provider) throws IOException {
        return start(home, port, provider, List.of());
    }

    /** @param tokenIssuers API access: written to {@code token-issuer.xml} before the start (none: no file) */
    public static LanyardSandbox start(Path home, int port, IdentityProviderConfig provider,
            List<TokenIssuerConfig> tokenIssuers) throws IOException {
        Path lanyardDirectory = Files.createDirectories(home.resolve("lanyard"));
        IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER,
                lanyardDirectory).save(new LanyardConfiguration(List.of(provider)));
        if (!tokenIssuers.isEmpty()) {
            IntegrationXmlStore.of(IntegrationKind.TOKEN_ISSUER, lanyardDirectory).save(tokenIssuers);
        }
        RunningSandbox sandbox = Sandbox.start(new SandboxOptions(port, home, 0));
        if (sandbox.builtInIssuer().isPresent()) {
            sandbox.close();
            throw new IllegalStateException("the sandbox started its built-in provider instead of " + provider.issuer());
        }
        return new LanyardSandbox(sandbox);
    }

    /** The sandbox's in-memory directory, e.g. to give someone a local group. */
    public SandboxUserDirectory directory() {
        return sandbox.directory();
    }

    public URI baseUrl() {
        return sandbox.baseUrl();
    }

    /** Lanyard's own signing keys in this sandbox (what its JWKS URL publishes). */
    public io.lanyard.core.signing.SigningKeys signingKeys() {
        return sandbox.secrets().signingKeys();
    }

    public URI at(String pathAndQuery) {
        return URI.create(sandbox.baseUrl() + pathAndQuery);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
