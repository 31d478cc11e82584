package io.lanyard.sandbox;

import io.lanyard.sandbox.cluster.HazelcastClusterState;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.xml.ProviderXml;
import io.lanyard.core.config.xml.SettingsXml;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.signin.EmergencyAccessFile;
import io.lanyard.sandbox.app.CiTokenServlet;
import io.lanyard.sandbox.app.WhoAmIServlet;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar lanyard-sandbox.jar [--port N] [--home DIR] [--idp-port N]}: starts the sandbox, says what to
 * open, and runs until Ctrl-C. Exit codes: 0 after {@code --help}, 1 when the sandbox cannot start, 2 for a wrong
 * command line.
 */
public final class SandboxMain {

    static final int EXIT_START_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(Arrays.asList(args));
        } catch (SandboxOptions.HelpRequested help) {
            System.out.print(SandboxCommandLine.usage());
            return;
        } catch (UsageException e) {
            System.err.println("lanyard-sandbox: " + e.getMessage() + " (see --help)");
            System.exit(EXIT_USAGE);
            return;
        }
        RunningSandbox sandbox;
        try {
            sandbox = Sandbox.start(options);
        } catch (IOException | LanyardException e) {
            System.err.println("lanyard-sandbox: cannot start: " + e.getMessage());
            System.exit(EXIT_START_FAILED);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "lanyard-sandbox-shutdown"));
        printBanner(System.out, sandbox);
        new CountDownLatch(1).await(); // Tomcat's and the provider's threads serve until the JVM is stopped
    }

    static void printBanner(PrintStream out, RunningSandbox sandbox) {
        String base = sandbox.baseUrl().toString();
        out.println();
        out.println("Lanyard sandbox is running. It is a demo host for trying Lanyard, not for real accounts.");
        out.println();
        out.println("  Open:          " + base + "/");
        sandbox.builtInIssuer().ifPresentOrElse(
                issuer -> {
                    out.println("  Sign in:       at the built-in identity provider (" + issuer + ") as");
                    new SandboxUserDirectory().demoAccounts().forEach(account -> out.println(
                            String.format("                   %-16s %s", account.username(), account.shows())));
                },
                () -> out.println(sandbox.configuration().enabledIdentityProviders().isEmpty()
                        ? "  Sign in:       no identity provider is enabled (see the log above): use the local login"
                                + " and repair it at " + base + LanyardPaths.ADMIN
                        : "  Sign in:       at the identity provider(s) of provider.xml."));
        if (sandbox.cluster() instanceof HazelcastClusterState member) {
            out.println("  Cluster:       node " + member.nodeName() + ", " + member.memberCount() + " node(s) now"
                    + " (embedded Hazelcast); Open is the load balancer");
        }
        sandbox.graphStandIn().ifPresent(url -> out.println("  Entra stand-in: " + url + "  (Graph for connector Tests"
                + " and group overage: tick \"Entra ID group overage\" on the sign-in page)"));
        out.println("  Your account:  " + base + WhoAmIServlet.PATH + "  (username, display name, e-mail, groups)");
        if (sandbox.builtInIssuer().isPresent()
                && !sandbox.configuration().all(IntegrationKind.CI_TRUST_POLICY).isEmpty()) {
            out.println("  CI job token:  " + base + CiTokenServlet.PATH + "  (a stand-in Bitbucket"
                    + " Pipelines token; Bearer it to " + WhoAmIServlet.PATH + " as ci-bot)");
        }
        out.println("  Log out:       " + base + "/logout  (also at the identity provider, as provider.xml says)");
        out.println("  Chooser:       two providers; type alice@example.com or bob@contractors.example.com to be routed"
                + " by e-mail domain");
        out.println("  Local login:   " + base + "/login?lanyard_native=1  (each sandbox password is the username;"
                + " SSO is enforced: admin/admin gets in, alice/alice is refused, LNY-801)");
        out.println("  Emergency:     open the form to everyone for 60 minutes: touch "
                + sandbox.lanyardDirectory().resolve(EmergencyAccessFile.FILE_NAME) + "  (settings: "
                + sandbox.lanyardDirectory().resolve(SettingsXml.FILE_NAME) + ")");
        out.println("  Home folder:   " + sandbox.home() + "  (Lanyard's configuration: "
                + sandbox.lanyardDirectory().resolve(ProviderXml.FILE_NAME) + ")");
        out.println("  Stop:          press Ctrl-C");
        out.println();
        out.flush();
    }
}
