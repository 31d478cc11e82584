package io.lanyard.core.secret;

import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Run in a child JVM by {@link RealEnvironmentChildJvmTest}: assembles the resolver from the process's real
 * environment and system properties, as the plugin does, and prints what it resolved for one identity provider
 * (a hash of the value, never the value) and whether the per-id JVM property is still set afterwards.
 *
 * <p>Arguments: platform id, version, Lanyard folder, identity provider id.
 */
public final class ResolverProbeMain {

    private ResolverProbeMain() {
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        HostProduct host = HostProduct.of(args[0], args[1]);
        String id = args[3];
        ClientSecretResolver resolver = ClientSecretResolver.atStart(host, Optional.of(Path.of(args[2])));
        ResolvedSecret resolved = resolver.resolve(SecretOwner.identityProvider(id), StoredSecret.external());
        System.out.println("PROBE source=" + resolved.source());
        System.out.println("PROBE name=" + resolved.propertyName().orElse("-"));
        System.out.println("PROBE sha256=" + resolved.secret().map(ResolverProbeMain::sha256).orElse("-"));
        System.out.println("PROBE property-after="
                + (System.getProperty(SecretPropertyNames.identityProvider(id)) == null ? "cleared" : "set"));
        System.out.flush();
    }

    static String sha256(Secret secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.revealBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String value) {
        return sha256(Secret.of(value));
    }
}
