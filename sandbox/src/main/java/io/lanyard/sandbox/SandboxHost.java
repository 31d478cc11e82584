package io.lanyard.sandbox;

import io.lanyard.core.host.HostProduct;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the sandbox's host behaves beyond what a person chooses on the command line: the base URL it tells Lanyard, the
 * product's bot killer, the clock of Lanyard's logins, and whether this sandbox runs the built-in provider. A sandbox
 * started from the command line is a standalone host ({@link #standalone}); tests make others, e.g. a second node of a
 * cluster that shares the first one's home, base URL and provider.
 *
 * @param baseUrl               the base URL; empty for {@code http://localhost:<port>}
 * @param runsBuiltInProvider   false for a second node: the first node runs the provider its {@code provider.xml} names
 * @param botKillerCut          what the product's bot killer cuts a new anonymous session to; empty where the product
 *                              has none
 * @param clock                 the clock of Lanyard's logins
 */
record SandboxHost(Optional<URI> baseUrl, boolean runsBuiltInProvider, Optional<Duration> botKillerCut, Clock clock) {

    /** The product's: Jira and Confluence bundle the bot killer, which cuts a new session to 60 s. */
    static final Duration PRODUCT_BOT_KILLER_CUT = Duration.ofSeconds(60);

    SandboxHost {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(botKillerCut, "botKillerCut");
        Objects.requireNonNull(clock, "clock");
    }

    /** As the product it pretends to be: its own base URL and provider, the bot killer in Jira and Confluence. */
    static SandboxHost standalone(HostProduct product) {
        boolean botKiller = product.platformId().equals(HostProduct.JIRA)
                || product.platformId().equals(HostProduct.CONFLUENCE);
        return new SandboxHost(Optional.empty(), true, botKiller ? Optional.of(PRODUCT_BOT_KILLER_CUT) : Optional.empty(),
                Clock.systemUTC());
    }

    /** This host as a second node behind {@code clusterBaseUrl}, using the provider the first node runs. */
    SandboxHost asSecondNodeOf(URI clusterBaseUrl) {
        return new SandboxHost(Optional.of(clusterBaseUrl), false, botKillerCut, clock);
    }

    /**
     * This host as a node of the cluster behind {@code loadBalancer} ({@code --cluster}): the built-in provider runs on
     * the node that finds its port free.
     */
    SandboxHost inClusterBehind(URI loadBalancer) {
        return new SandboxHost(Optional.of(loadBalancer), runsBuiltInProvider, botKillerCut, clock);
    }

    SandboxHost withBotKillerCut(Duration cut) {
        return new SandboxHost(baseUrl, runsBuiltInProvider, Optional.of(cut), clock);
    }

    SandboxHost withClock(Clock loginClock) {
        return new SandboxHost(baseUrl, runsBuiltInProvider, botKillerCut, loginClock);
    }
}
