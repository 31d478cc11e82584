package io.lanyard.sandbox;

import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts a sandbox in this JVM with an injected environment, through {@link Sandbox}'s package-private start, for
 * tests in other packages (the admin browser tests): as if the host had been started with these variables.
 */
public final class TestSandboxes {

    private TestSandboxes() {
    }

    public static RunningSandbox start(SandboxOptions options, Map<String, String> environment) throws IOException {
        Properties noProperties = new Properties();
        return Sandbox.start(options, lanyardDirectory -> ClientSecretResolver.atStart(environment, noProperties,
                noProperties::remove, options.product(), Optional.of(lanyardDirectory)));
    }
}
