package io.lanyard.interop.harness;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ClientAuthMethod;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * panva's oidc-provider (installed by the build with {@code npm ci} into {@code target/oidc-provider}) run by the
 * machine's {@code node} with {@code src/test/node/provider.mjs}, on 127.0.0.1 behind a {@link ProviderProxy}.
 *
 * <p>Its configuration file (issuer, port, clients with their secrets, private signing keys) is written here,
 * owner-only; the signing keys (RSA 2048 for RS256 and PS256, EC P-256 for ES256) are generated here. oidc-provider
 * takes its keys at start, so {@link #rotateSigningKeys()} restarts it on the same port with new keys listed first
 * (it signs with the first suitable key) and the old ones still published.
 */
public final class OidcProviderServer implements ProviderUnderTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final Path work;
    private final String version;
    private final ProviderProxy proxy;
    private final int port;
    private final Map<String, RegisteredClient> clients;
    private final List<String> cookieKeys;
    private final String sandboxBase;
    private List<JWK> signingKeys;
    private ChildProcess process;
    private int generation;

    private OidcProviderServer(Path directory, Path work, String version, ProviderProxy proxy, int port,
            Map<String, RegisteredClient> clients, String sandboxBase) {
        this.directory = directory;
        this.work = work;
        this.version = version;
        this.proxy = proxy;
        this.port = port;
        this.clients = clients;
        this.sandboxBase = sandboxBase;
        this.cookieKeys = List.of(KeycloakServer.randomSecret().reveal(), KeycloakServer.randomSecret().reveal());
    }

    /**
     * @param directory   where the build installed it ({@code provider.mjs} next to {@code node_modules})
     * @param work        for the configuration file and the log
     * @param sandboxPort the sandbox's port, for the clients' redirect URIs
     */
    public static OidcProviderServer start(Path directory, Path work, int sandboxPort) throws IOException {
        Path packageJson = directory.resolve("node_modules/oidc-provider/package.json");
        if (!Files.isRegularFile(packageJson) || !Files.isRegularFile(directory.resolve("provider.mjs"))) {
            throw new IllegalStateException("oidc-provider is not installed in " + directory
                    + " (the build runs npm ci there in pre-integration-test: run mvn verify)");
        }
        String version = (String) JsonHttp.json(Files.readString(packageJson)).get("version");
        String sandboxBase = "http://localhost:" + sandboxPort;
        Map<String, RegisteredClient> clients = new LinkedHashMap<>();
        // oidc-provider holds each client to its one registered authentication method.
        clients.put("basic", new RegisteredClient("lanyard-basic", "oidcpBasic", KeycloakServer.randomSecret(), "RS256",
                Set.of(ClientAuthMethod.CLIENT_SECRET_BASIC)));
        clients.put("post", new RegisteredClient("lanyard-post", "oidcpPost", KeycloakServer.randomSecret(), "RS256",
                Set.of(ClientAuthMethod.CLIENT_SECRET_POST)));
        clients.put("ES256", new RegisteredClient("lanyard-es256", "oidcpEs256", KeycloakServer.randomSecret(), "ES256",
                Set.of(ClientAuthMethod.CLIENT_SECRET_BASIC)));
        clients.put("PS256", new RegisteredClient("lanyard-ps256", "oidcpPs256", KeycloakServer.randomSecret(), "PS256",
                Set.of(ClientAuthMethod.CLIENT_SECRET_BASIC)));
        ProviderProxy proxy = ProviderProxy.start();
        int port = FreePort.pick();
        proxy.forwardTo(port);
        proxy.callbackPrefix(sandboxBase + LanyardPaths.CALLBACK_PREFIX);
        OidcProviderServer server = new OidcProviderServer(directory, work, version, proxy, port, clients, sandboxBase);
        Files.deleteIfExists(work.resolve("oidc-provider.log")); // one run per log (restarts append)
        try {
            server.signingKeys = newSigningKeys(0);
            server.launch();
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void launch() throws IOException {
        Path config = work.resolve("oidc-provider-config.json");
        KeycloakServer.writeOwnerOnly(config, configuration());
        process = ChildProcess.start("oidc-provider " + version + " (keys " + generation + ")",
                List.of("node", directory.resolve("provider.mjs").toString(), config.toString()), directory, Map.of(),
                work.resolve("oidc-provider.log"));
        try {
            URI ready = URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration");
            process.awaitReady(START_TIMEOUT, () -> JsonHttp.answers200(ready));
        } finally {
            Files.deleteIfExists(config); // it holds this run's client secrets and private keys; read at start
        }
    }

    private String configuration() {
        List<Map<String, Object>> clientList = new ArrayList<>();
        for (RegisteredClient client : clients.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("client_id", client.clientId());
            entry.put("client_secret", client.secret().reveal());
            entry.put("redirect_uris", List.of(sandboxBase + LanyardPaths.callbackPath(client.lanyardId())));
            entry.put("token_endpoint_auth_method",
                    client.authMethods().iterator().next().name().toLowerCase(Locale.ROOT));
            entry.put("id_token_signed_response_alg", client.signingAlgorithm());
            entry.put("post_logout_redirect_uris", List.of(sandboxBase + "/"));
            // for later: Lanyard's back-channel logout endpoint (not served yet)
            entry.put("backchannel_logout_uri", sandboxBase + LanyardPaths.PREFIX + "/backchannel-logout/" + client.lanyardId());
            entry.put("backchannel_logout_session_required", true);
            clientList.add(entry);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("issuer", issuer().toString());
        config.put("port", port);
        config.put("cookieKeys", cookieKeys);
        config.put("jwks", new JWKSet(signingKeys).toJSONObject(false));
        config.put("clients", clientList);
        return JSONObjectUtils.toJSONString(config);
    }

    private static List<JWK> newSigningKeys(int generation) {
        try {
            return List.of(
                    new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("rsa-" + generation).generate(),
                    new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID("ec-" + generation).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String displayName() {
        return "oidc-provider " + version;
    }

    @Override
    public String slug() {
        return "oidc-provider";
    }

    @Override
    public URI issuer() {
        return proxy.url();
    }

    @Override
    public ProviderProxy proxy() {
        return proxy;
    }

    @Override
    public LoginForm loginForm() {
        return new LoginForm("username", "password", "sign-in");
    }

    @Override
    public List<String> signingAlgorithms() {
        return List.of("RS256", "ES256", "PS256");
    }

    @Override
    public RegisteredClient client(String algorithm, ClientAuthMethod method) {
        return clients.values().stream()
                .filter(c -> c.signingAlgorithm().equals(algorithm) && c.authMethods().contains(method))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no oidc-provider client for " + algorithm + " and " + method));
    }

    @Override
    public List<String> scopes() {
        return List.of("openid", "profile", "email", "groups");
    }

    /** Restarts on the same port with new keys first and the previous ones still published. */
    @Override
    public synchronized List<String> rotateSigningKeys() throws IOException {
        generation++;
        List<JWK> keys = new ArrayList<>(newSigningKeys(generation));
        keys.addAll(signingKeys);
        signingKeys = List.copyOf(keys);
        process.close();
        launch();
        return signingKeys.stream().map(JWK::getKeyID).toList();
    }

    @Override
    public synchronized void close() {
        try {
            if (process != null) {
                process.close();
            }
        } finally {
            proxy.close();
        }
    }

    @Override
    public String toString() {
        return displayName() + " at " + issuer() + " (" + process + ")";
    }
}
