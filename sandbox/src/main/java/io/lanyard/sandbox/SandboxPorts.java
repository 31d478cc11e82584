package io.lanyard.sandbox;

import io.lanyard.core.config.LanyardConfiguration;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ports the sandbox is about to listen on, checked before anything starts or is written, so that a busy port
 * ends the start with one line that names it, says whose it is and what to do (instead of a server's stack trace
 * after half a start).
 */
final class SandboxPorts {

    /**
     * @param port   0 for any free port (never busy)
     * @param whose  what listens there, for a person: "the sandbox (--port)"
     * @param wayOut what to do when it is busy
     */
    record Use(int port, String whose, String wayOut) {
    }

    private SandboxPorts() {
    }

    static Use sandbox(SandboxOptions options) {
        return new Use(options.port(), "the sandbox (--port)", "choose another with --port N");
    }

    /**
     * Where the built-in identity provider is to listen: the port given with {@code --idp-port}; else, for a sandbox
     * started before, the port its {@code provider.xml} has; else the default.
     *
     * @param stored the configuration in {@code providerXml}, if the file exists
     * @return empty when the stored configuration does not use the built-in provider
     */
    static Optional<Use> builtInProvider(SandboxOptions options, Optional<LanyardConfiguration> stored,
            Path providerXml) {
        OptionalInt storedPort = stored.map(SandboxProviders::builtInProviderPort).orElse(OptionalInt.empty());
        if (stored.isPresent() && storedPort.isEmpty()) {
            return Optional.empty();
        }
        if (options.identityProviderPortGiven() || storedPort.isEmpty()) {
            return Optional.of(new Use(options.identityProviderPort(), "the built-in identity provider "
                    + (options.identityProviderPortGiven() ? "(--idp-port)" : "(the sandbox's port + 1)"),
                    "choose another with --idp-port N"));
        }
        return Optional.of(new Use(storedPort.getAsInt(), "the built-in identity provider (from " + providerXml
                + ")", "move it with --idp-port N (provider.xml is changed to it), or start a new sandbox with"
                        + " --home DIR"));
    }

    /**
     * @throws BindException with one line for a person when two uses want the same port or a port is taken
     */
    static void requireFree(List<Use> uses) throws BindException {
        for (int i = 0; i < uses.size(); i++) {
            for (int j = i + 1; j < uses.size(); j++) {
                Use first = uses.get(i);
                Use second = uses.get(j);
                if (first.port() != 0 && first.port() == second.port()) {
                    throw new BindException("port " + first.port() + " cannot serve both " + first.whose() + " and "
                            + second.whose() + ": " + second.wayOut());
                }
            }
        }
        for (Use use : uses) {
            requireFree(use);
        }
    }

    /** Whether {@code use}'s port can be bound now (on a cluster: whether no other node runs what uses it). */
    static boolean isFree(Use use) {
        try {
            requireFree(use);
            return true;
        } catch (BindException e) {
            return false;
        }
    }

    private static void requireFree(Use use) throws BindException {
        if (use.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            // As the servers bind: 127.0.0.1 only, and a port an earlier run left in TIME_WAIT counts as free.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", use.port()));
        } catch (BindException e) {
            throw new BindException("port " + use.port() + " of " + use.whose() + " " + why(e) + ": " + use.wayOut());
        } catch (IOException e) {
            throw new BindException("port " + use.port() + " of " + use.whose() + " cannot be checked (" + e.getMessage()
                    + "): " + use.wayOut());
        }
    }

    private static String why(BindException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage();
        return reason.startsWith("Address already in use") ? "is in use by another program"
                : "cannot be used (" + reason + ")";
    }
}
