package io.lanyard.sandbox.idp;


import io.lanyard.core.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequestHandler;
import no.nav.security.mock.oauth2.http.OAuth2HttpRouterKt;
import no.nav.security.mock.oauth2.http.OAuth2HttpServer;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.HttpUrl;

/**
 * The sandbox's own OpenID Connect provider on {@code 127.0.0.1}: navikt's mock-oauth2-server with the sandbox's
 * routes in front (client authentication, registered redirect URIs, PKCE, a sign-in form that sets the usual
 * claims, client credentials tokens for API access). Its issuer is {@code http://localhost:<port>/sandbox}; its one
 * client is {@value #CLIENT_ID}.
 */
public final class BuiltInProvider implements AutoCloseable {

    public static final String CLIENT_ID = "lanyard-sandbox";
    private static final Pattern ISSUER = Pattern.compile("http://localhost:(\\d{1,5})/(" + ProviderPaths.ISSUER_ID + "|"
            + ProviderPaths.CONTRACTORS_ISSUER_ID + ")");

    private final OAuth2HttpServer server;
    private final URI issuer;

    private BuiltInProvider(OAuth2HttpServer server) {
        this.server = server;
        this.issuer = issuerAt(server.port());
    }

    /**
     * @param port              0 for any free port
     * @param redirectUriPrefix the sandbox's callback prefix ({@code <base URL>/plugins/servlet/lanyard/callback/}),
     *                          read per request because the sandbox's port is known only once it runs
     */
    public static BuiltInProvider start(int port, Secret clientSecret, Supplier<String> redirectUriPrefix)
            throws IOException {
        return start(port, clientSecret, redirectUriPrefix, () -> null, Optional::empty);
    }

    /**
     * @param postLogoutRedirectUri the one return address its end-session endpoint sends browsers to (Lanyard's)
     * @param backChannelLogoutUri  where its end-session endpoint sends logout tokens, once known
     */
    public static BuiltInProvider start(int port, Secret clientSecret, Supplier<String> redirectUriPrefix,
            Supplier<String> postLogoutRedirectUri, Supplier<Optional<URI>> backChannelLogoutUri) throws IOException {
        Objects.requireNonNull(clientSecret, "clientSecret");
        OAuth2TokenProvider tokens = new OAuth2TokenProvider();
        OAuth2Config config = new OAuth2Config(true, null, null, false, tokens, Set.of());
        Route library = new OAuth2HttpRequestHandler(config).getAuthorizationServer();
        AtomicReference<HttpUrl> issuer = new AtomicReference<>();
        Route router = OAuth2HttpRouterKt.routes(
                new ClientAuthenticationRoute(CLIENT_ID, clientSecret),
                new ClientCredentialsRoute(tokens, CLIENT_ID, issuer::get),
                new PkceTokenRoute(),
                new AuthorizationRoute(library, CLIENT_ID, redirectUriPrefix),
                new DiscoveryRoute(library),
                new EndSessionRoute(tokens, CLIENT_ID, postLogoutRedirectUri, backChannelLogoutUri),
                library);
        OAuth2HttpServer server = config.getHttpServer().start(InetAddress.getByName("127.0.0.1"), port, router);
        issuer.set(HttpUrl.get(issuerAt(server.port()).toString()));
        return new BuiltInProvider(server);
    }

    /** The issuer the built-in provider has when it listens on {@code port}. */
    public static URI issuerAt(int port) {
        return URI.create("http://localhost:" + port + "/" + ProviderPaths.ISSUER_ID);
    }

    /**
     * The built-in provider's second issuer on {@code port} ("Contractors"): the same server and sign-in page, its own
     * issuer, so that tokens of one are refused by the other (the mix-up defence) and the chooser has two providers.
     */
    public static URI contractorsIssuerAt(int port) {
        return URI.create("http://localhost:" + port + "/" + ProviderPaths.CONTRACTORS_ISSUER_ID);
    }

    /** The same issuer of the built-in provider ({@link #issuerAt} or {@link #contractorsIssuerAt}) on another port. */
    public static URI movedTo(String issuer, int port) {
        Matcher matcher = ISSUER.matcher(issuer);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an issuer of the built-in provider: " + issuer);
        }
        return URI.create("http://localhost:" + port + "/" + matcher.group(2));
    }

    /** The port of a built-in provider's issuer, or -1 if the issuer is not one of the built-in provider's. */
    public static int portOfIssuer(String issuer) {
        Matcher matcher = ISSUER.matcher(issuer);
        if (!matcher.matches()) {
            return -1;
        }
        int port = Integer.parseInt(matcher.group(1));
        return port > 0 && port <= 65535 ? port : -1;
    }

    /** Its keys, for API access's token issuer. */
    public static URI jwksUriAt(int port) {
        return URI.create(issuerAt(port) + "/jwks");
    }

    /** Its token endpoint (client credentials for API access, and "Test"). */
    public static URI tokenEndpointAt(int port) {
        return URI.create(issuerAt(port) + "/token");
    }

    /** The audience of its client-credentials tokens. */
    public static String apiAudience() {
        return ClientCredentialsRoute.API_AUDIENCE;
    }

    public URI issuer() {
        return issuer;
    }

    public URI contractorsIssuer() {
        return contractorsIssuerAt(port());
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
