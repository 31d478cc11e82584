package io.lanyard.sandbox;

import io.lanyard.core.host.HostProduct;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sandbox's options, as a table: each option has a name, an argument, a line of help and what it sets.
 * A new option is one more entry in {@link #OPTIONS} (and a field of {@link Values}).
 */
final class SandboxCommandLine {

    /** What the options set, before defaults that depend on each other are applied. */
    static final class Values {
        Integer port;
        Path home;
        Integer identityProviderPort;
        String product;
        String productVersion;
        URI entraStandIn;
        URI cluster;
        boolean signInDemo = true;
    }

    private static final List<String> PRODUCTS =
            List.of(HostProduct.JIRA, HostProduct.CONFLUENCE, HostProduct.BITBUCKET, HostProduct.BAMBOO);
    private static final Pattern VERSION = Pattern.compile("\\d{1,4}(\\.\\d{1,4}){0,3}");

    @FunctionalInterface
    private interface Setter {
        void set(Values values, String argument) throws UsageException;
    }

    private record Option(String argument, String help, Setter setter) {
    }

    private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("--port", new Option("N", "HTTP port of the sandbox on 127.0.0.1 (default "
                + SandboxOptions.DEFAULT_PORT + "; 0 = any free port)", (v, a) -> v.port = port("--port", a)));
        OPTIONS.put("--home", new Option("DIR", "home folder (default ~/.lanyard-sandbox); Lanyard's files are in DIR/lanyard",
                (v, a) -> v.home = path("--home", a)));
        OPTIONS.put("--idp-port", new Option("N", "port of the built-in identity provider (default: the sandbox's port + 1, "
                + "or the one in provider.xml; if given, provider.xml is changed to it)",
                (v, a) -> v.identityProviderPort = port("--idp-port", a)));
        OPTIONS.put("--product", new Option("ID", "the product to pretend to be: jira, conf, bitbucket or bamboo (default "
                + SandboxOptions.DEFAULT_PRODUCT.platformId() + ")", (v, a) -> v.product = product(a)));
        OPTIONS.put("--product-version", new Option("X.Y.Z", "its version (default "
                + SandboxOptions.DEFAULT_PRODUCT.version() + "); e.g. --product bitbucket --product-version 9.4.2 "
                + "for secured properties", (v, a) -> v.productVersion = version(a)));
        OPTIONS.put("--entra-stand-in", new Option("URL", "send the Cloud integration page's Test to a stand-in for "
                + "Entra ID and Graph on this machine (e.g. WireMock) instead of Microsoft: token at "
                + "URL/<tenant>/oauth2/v2.0/token, Graph at URL/v1.0/...", (v, a) -> v.entraStandIn = standIn(a)));
        OPTIONS.put("--cluster", new Option("URL", "run as a node of a cluster whose load balancer is at URL (e.g. "
                + "http://localhost:9080): that is the base URL, and an embedded Hazelcast member joins the other "
                + "sandboxes of the same --home on this machine", (v, a) -> v.cluster = loopbackUrl("--cluster", a)));
        OPTIONS.put("--sign-in-demo", new Option("on|off", "a new home starts with two providers and single sign-on "
                + "enforced (on, the default) or with one provider and Lanyard's defaults (off)",
                (v, a) -> v.signInDemo = onOff(a)));
    }

    private static boolean onOff(String text) throws UsageException {
        return switch (text.strip()) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UsageException("--sign-in-demo expects on or off, not \"" + text + "\"");
        };
    }

    private SandboxCommandLine() {
    }

    static SandboxOptions parse(List<String> arguments) throws UsageException, SandboxOptions.HelpRequested {
        Values values = new Values();
        Iterator<String> it = arguments.iterator();
        while (it.hasNext()) {
            String word = it.next();
            if (word.equals("--help") || word.equals("-h")) {
                throw new SandboxOptions.HelpRequested();
            }
            String name = word;
            String argument = null;
            int equals = word.indexOf('=');
            if (word.startsWith("--") && equals > 0) {
                name = word.substring(0, equals);
                argument = word.substring(equals + 1);
            }
            Option option = OPTIONS.get(name);
            if (option == null) {
                throw new UsageException("unknown option " + word);
            }
            if (argument == null) {
                if (!it.hasNext()) {
                    throw new UsageException(name + " needs a value: " + name + " " + option.argument());
                }
                argument = it.next();
            }
            option.setter().set(values, argument);
        }
        return withDefaults(values);
    }

    private static SandboxOptions withDefaults(Values values) throws UsageException {
        int port = values.port == null ? SandboxOptions.DEFAULT_PORT : values.port;
        int identityProviderPort;
        if (values.identityProviderPort != null) {
            identityProviderPort = values.identityProviderPort;
        } else if (port == 0) {
            identityProviderPort = 0;
        } else if (port == 65535) {
            throw new UsageException("--port 65535 leaves no port + 1 for the identity provider: give --idp-port N");
        } else {
            identityProviderPort = port + 1;
        }
        if (port != 0 && port == identityProviderPort) {
            throw new UsageException("--port and --idp-port must differ (both are " + port + ")");
        }
        Path home = values.home == null ? SandboxOptions.defaultHome() : values.home;
        HostProduct product = HostProduct.of(
                values.product == null ? SandboxOptions.DEFAULT_PRODUCT.platformId() : values.product,
                values.productVersion == null ? SandboxOptions.DEFAULT_PRODUCT.version() : values.productVersion);
        SandboxOptions options = new SandboxOptions(port, home.toAbsolutePath().normalize(), identityProviderPort,
                values.identityProviderPort != null, product, Optional.empty(), Optional.empty(), values.signInDemo);
        options = values.cluster == null ? options : options.inCluster(values.cluster);
        return values.entraStandIn == null ? options : options.withEntraStandIn(values.entraStandIn);
    }

    private static int port(String option, String text) throws UsageException {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a port number from 0 to 65535, not \"" + text + "\"");
        }
        if (value < 0 || value > 65535) {
            throw new UsageException(option + " expects a port number from 0 to 65535, not " + value);
        }
        return value;
    }

    /** The platform ids SAL's {@code ApplicationProperties.getPlatformId()} reports. */
    private static String product(String text) throws UsageException {
        if (!PRODUCTS.contains(text)) {
            throw new UsageException("--product expects one of " + String.join(", ", PRODUCTS) + ", not \"" + text + "\"");
        }
        return text;
    }

    private static String version(String text) throws UsageException {
        if (!VERSION.matcher(text).matches()) {
            throw new UsageException("--product-version expects a version such as 10.3.0, not \"" + text + "\"");
        }
        return text;
    }

    private static URI standIn(String text) throws UsageException {
        return loopbackUrl("--entra-stand-in", text);
    }

    private static URI loopbackUrl(String option, String text) throws UsageException {
        String problem = option + " expects an http(s) URL on this machine, e.g. http://localhost:9999, not \""
                + text + "\"";
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new UsageException(problem);
        }
        String host = url.getHost();
        if (!url.isAbsolute() || host == null || !io.lanyard.core.http.Urls.isLoopbackHost(host)
                || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new UsageException(problem);
        }
        return url;
    }

    private static Path path(String option, String text) throws UsageException {
        if (text.isBlank()) {
            throw new UsageException(option + " expects a folder, not an empty value");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " expects a folder: " + e.getReason());
        }
    }

    static String usage() {
        StringBuilder text = new StringBuilder("Usage: java -jar lanyard-sandbox.jar [options]\n\n"
                + "Runs a small demo host with Lanyard's single sign-on and a built-in identity provider on this machine.\n\n"
                + "Options:\n");
        OPTIONS.forEach((name, option) -> text.append(String.format("  %-22s %s%n", name + " " + option.argument(),
                option.help())));
        text.append(String.format("  %-22s %s%n", "--help", "show this help"));
        return text.toString();
    }
}
