package io.lanyard.bench.startup;

import io.lanyard.bench.BenchConfiguration;
import io.lanyard.bench.filter.SeraphStyleSessionLogin;
import io.lanyard.bench.filter.StubRequest;
import io.lanyard.bench.filter.Unusable;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.config.xml.ProviderXml;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.plugin.web.LanyardWeb;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/**
 * Lanyard's start, cold, in a fresh JVM: what a product plugin does when the host starts it. Load
 * {@code provider.xml}, build the {@link LoginService} and the servlet edge ({@link LanyardWeb}), and pass one
 * request through the login filter (ready). Prints one JSON line with the time of each step.
 *
 * <pre>
 * java -cp benchmarks.jar io.lanyard.bench.startup.StartupProbe --write DIR   # once: writes DIR/provider.xml
 * java -cp benchmarks.jar io.lanyard.bench.startup.StartupProbe DIR           # the measurement, one per JVM
 * </pre>
 *
 * Not measured: the host's logging set-up and its request objects (made before the clock starts), the host's own plugin framework (OSGi, Spring scanning in Jira), which Lanyard does not control, and
 * the provider's discovery document, which is fetched on the first login, not at start.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--write")) {
            Path directory = Files.createDirectories(Path.of(args[1]));
            IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory).save(BenchConfiguration.oneProvider());
            System.out.println("wrote " + directory.resolve(ProviderXml.FILE_NAME));
            return;
        }
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StartupProbe [--write] DIR");
        }
        long jvmUptimeAtMainMs = ManagementFactory.getRuntimeMXBean().getUptime();
        // The host's logging is running long before it starts a plugin: not Lanyard's cost.
        org.slf4j.LoggerFactory.getLogger(StartupProbe.class).debug("logging initialised");
        // The host's request objects exist before any filter sees them: not Lanyard's cost either.
        StubRequest request = new StubRequest("GET", "/jira", "/jira/secure/Dashboard.jspa", "/secure/Dashboard.jspa", null,
                Map.of(), null);
        HttpServletResponse response = Unusable.of(HttpServletResponse.class);
        long loggingReadyMs = ManagementFactory.getRuntimeMXBean().getUptime();
        long start = System.nanoTime();

        LanyardConfiguration loaded = new LanyardConfiguration(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER,
                Path.of(args[0])).load());
        long configured = System.nanoTime();

        ConfigurationHolder configuration = new ConfigurationHolder(loaded);
        BaseUrl baseUrl = () -> URI.create("http://localhost:2990/jira");
        LoginService loginService = LoginService.create(configuration, ClientSecretResolver.fileOnly(),
                new SandboxUserDirectory(), baseUrl, Clock.systemUTC());
        long serviceBuilt = System.nanoTime();

        // as LanyardPlugin: the key is read or created at the first login, not at start
        LanyardWeb web = LanyardWeb.create(loginService, configuration, new SeraphStyleSessionLogin(), LoginPage.JIRA,
                baseUrl, PendingLoginSeal.inFolder(Path.of(args[0])));
        long webBuilt = System.nanoTime();

        boolean[] passed = {false};
        web.loginFilter().doFilter(request, response, (req, res) -> passed[0] = true);
        long ready = System.nanoTime();
        if (!passed[0] || loaded.enabledIdentityProviders().isEmpty()) {
            throw new IllegalStateException("Lanyard did not start with the benchmark configuration");
        }

        System.out.printf("{\"jvmUptimeAtMainMs\":%d,\"jvmUptimeAtStartMs\":%d,\"configLoadMs\":%.2f,\"loginServiceMs\":%.2f,"
                        + "\"lanyardWebMs\":%.2f,\"firstRequestMs\":%.2f,\"startToReadyMs\":%.2f}%n",
                jvmUptimeAtMainMs, loggingReadyMs, ms(configured - start), ms(serviceBuilt - configured), ms(webBuilt - serviceBuilt),
                ms(ready - webBuilt), ms(ready - start));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
