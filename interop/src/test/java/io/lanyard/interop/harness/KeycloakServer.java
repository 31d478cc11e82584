package io.lanyard.interop.harness;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keycloak's server distribution (unpacked from Maven Central's {@code keycloak-quarkus-dist} zip by the build) in dev
 * mode on 127.0.0.1, behind a {@link ProviderProxy}: {@code kc.sh start-dev --db=dev-mem --import-realm} with the
 * realm of {@code src/test/resources/keycloak/} (users, groups, one confidential client per signing algorithm with
 * PKCE S256 enforced, a group-membership mapper, a userinfo-only claim and a back-channel logout URL). The hostname is
 * the proxy's URL, so every URL Keycloak builds goes through the proxy.
 *
 * <p>Secrets (client secrets, the bootstrap admin's password) are random per run, passed in the realm file (removed
 * once Keycloak has read it) and in the environment, and never printed.
 */
public final class KeycloakServer implements ProviderUnderTest {

    public static final String REALM = "lanyard";
    /** The client id Lanyard introspects API access tokens with (see {@link #serviceAccountClient}). */
    public static final String INTROSPECTION_CLIENT = "lanyard-introspection";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(
            Long.getLong("interop.keycloak.startTimeoutSeconds", 420));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String version;
    private final ProviderProxy proxy;
    private final ChildProcess process;
    private final int port;
    private final Secret adminPassword;
    private final Map<String, RegisteredClient> clientsByAlgorithm;
    private final RegisteredClient rotationClient;
    private final RegisteredClient signedJwtClient;

    private KeycloakServer(String version, ProviderProxy proxy, ChildProcess process, int port, Secret adminPassword,
            Map<String, RegisteredClient> clientsByAlgorithm, RegisteredClient rotationClient,
            RegisteredClient signedJwtClient) {
        this.version = version;
        this.proxy = proxy;
        this.process = process;
        this.port = port;
        this.adminPassword = adminPassword;
        this.clientsByAlgorithm = clientsByAlgorithm;
        this.rotationClient = rotationClient;
        this.signedJwtClient = signedJwtClient;
    }

    /**
     * @param home        the unpacked distribution ({@code keycloak-<version>})
     * @param javaHome    the JDK to run it on
     * @param work        for the log
     * @param sandboxPort the sandbox's port, for the clients' redirect URIs
     */
    public static KeycloakServer start(Path home, String version, Path javaHome, Path work, int sandboxPort)
            throws IOException {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + " (the build unpacks it in pre-integration-test: run mvn verify)");
        }
        String sandboxBase = "http://localhost:" + sandboxPort;
        Map<String, RegisteredClient> clients = new LinkedHashMap<>();
        for (String algorithm : List.of("RS256", "ES256", "PS256")) {
            String suffix = algorithm.equals("RS256") ? "" : "-" + algorithm.toLowerCase();
            String lanyardId = "keycloak" + (algorithm.equals("RS256") ? "" : algorithm.charAt(0) + algorithm.substring(1).toLowerCase());
            // Keycloak's client-secret authenticator accepts both methods from the same client
            clients.put(algorithm, new RegisteredClient("lanyard" + suffix, lanyardId, randomSecret(), algorithm,
                    Set.of(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientAuthMethod.CLIENT_SECRET_POST)));
        }
        // A client of its own whose secret a test changes while logins go on, so the others keep theirs.
        RegisteredClient rotation = new RegisteredClient("lanyard-rotation", "keycloakRotation", randomSecret(), "RS256",
                Set.of(ClientAuthMethod.CLIENT_SECRET_BASIC));
        // Client authenticator "Signed JWT" with "Use JWKS URL": Keycloak reads Lanyard's keys from the sandbox.
        RegisteredClient signedJwt = new RegisteredClient("lanyard-signed-jwt", "keycloakSignedJwt", randomSecret(),
                "RS256", Set.of(ClientAuthMethod.PRIVATE_KEY_JWT));
        List<RegisteredClient> all = new ArrayList<>(clients.values());
        all.add(rotation);
        all.add(signedJwt);
        ProviderProxy proxy = ProviderProxy.start();
        ChildProcess process = null;
        Path realmFile = home.resolve("data/import/" + REALM + "-realm.json");
        try {
            int port = FreePort.pick();
            proxy.forwardTo(port);
            proxy.callbackPrefix(sandboxBase + LanyardPaths.CALLBACK_PREFIX);
            writeOwnerOnly(realmFile, realm(all, sandboxBase));
            Secret adminPassword = randomSecret();
            Path log = work.resolve("keycloak.log");
            Files.deleteIfExists(log); // one run per log
            List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + FreePort.pick(),
                    "--hostname=" + proxy.url(),
                    "--db=dev-mem", "--cache=local",
                    "--import-realm");
            Map<String, String> environment = Map.of(
                    "JAVA_HOME", javaHome.toString(),
                    "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword.reveal());
            process = ChildProcess.start("Keycloak " + version, command, home, environment, log);
            URI ready = URI.create("http://127.0.0.1:" + port + "/realms/" + REALM + "/.well-known/openid-configuration");
            process.awaitReady(START_TIMEOUT, () -> JsonHttp.answers200(ready));
            return new KeycloakServer(version, proxy, process, port, adminPassword, clients, rotation, signedJwt);
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.close();
            }
            proxy.close();
            throw e;
        } finally {
            Files.deleteIfExists(realmFile); // it holds this run's client secrets; Keycloak has read it (or failed)
        }
    }

    @Override
    public String displayName() {
        return "Keycloak " + version;
    }

    @Override
    public String slug() {
        return "keycloak";
    }

    @Override
    public URI issuer() {
        return URI.create(proxy.url() + "/realms/" + REALM);
    }

    @Override
    public ProviderProxy proxy() {
        return proxy;
    }

    @Override
    public LoginForm loginForm() {
        return new LoginForm("username", "password", "kc-login");
    }

    @Override
    public List<String> signingAlgorithms() {
        return List.copyOf(clientsByAlgorithm.keySet());
    }

    @Override
    public RegisteredClient client(String algorithm, ClientAuthMethod method) {
        RegisteredClient client = clientsByAlgorithm.get(algorithm);
        if (client == null || !client.authMethods().contains(method)) {
            throw new IllegalArgumentException("no Keycloak client for " + algorithm + " and " + method);
        }
        return client;
    }

    /** The client whose secret {@link #changeClientSecret} changes (no other test uses it). */
    public RegisteredClient rotationClient() {
        return rotationClient;
    }

    /** The client with the authenticator "Signed JWT" reading Lanyard's JWKS URL: no secret. */
    public RegisteredClient signedJwtClient() {
        return signedJwtClient;
    }

    /**
     * Sets a client's secret through the admin REST API, as an administrator does in the admin console: from now on
     * Keycloak accepts this secret only, the old one no longer.
     */
    public void changeClientSecret(RegisteredClient client, Secret secret) {
        changeClient(client, representation -> representation.put("secret", secret.reveal()));
    }

    /**
     * Sets a client's "Backchannel logout URL" through the admin REST API (as in the admin console's client settings):
     * Keycloak POSTs the logout tokens of that client's sessions there from now on.
     */
    public void changeBackChannelLogoutUrl(RegisteredClient client, URI url) {
        changeClient(client, representation -> {
            Map<Object, Object> attributes = new LinkedHashMap<>(attributesOf(representation));
            attributes.put("backchannel.logout.url", url.toString());
            representation.put("attributes", attributes);
        });
    }

    /**
     * Switches a client to front-channel logout through the admin REST API, as the admin console's "Front channel
     * logout" with a "Front-channel logout URL" and "session required" does; its back-channel URL is cleared, so that
     * only the framed page can end a session. {@code url} empty: back to the realm file's back-channel logout at
     * {@code backChannelUrl}.
     */
    public void useFrontChannelLogout(RegisteredClient client, Optional<URI> url, URI backChannelUrl) {
        changeClient(client, representation -> {
            Map<Object, Object> attributes = new LinkedHashMap<>(attributesOf(representation));
            representation.put("frontchannelLogout", url.isPresent());
            attributes.put("frontchannel.logout.url", url.map(URI::toString).orElse(""));
            attributes.put("frontchannel.logout.session.required", "true");
            attributes.put("backchannel.logout.url", url.isPresent() ? "" : backChannelUrl.toString());
            representation.put("attributes", attributes);
        });
    }

    private static Map<?, ?> attributesOf(Map<String, Object> representation) {
        return representation.get("attributes") instanceof Map<?, ?> attributes ? attributes : Map.of();
    }

    private void changeClient(RegisteredClient client, Consumer<Map<String, Object>> change) {
        URI base = adminBase();
        String token = adminToken(base);
        URI clients = URI.create(base + "/admin/realms/" + REALM + "/clients?clientId=" + client.clientId());
        String id = String.valueOf(JsonHttp.getArray(clients, token).get(0).get("id"));
        URI clientUri = URI.create(base + "/admin/realms/" + REALM + "/clients/" + id);
        Map<String, Object> representation = new LinkedHashMap<>(JsonHttp.get(clientUri, Optional.of(token)));
        change.accept(representation);
        JsonHttp.putJson(clientUri, token, com.nimbusds.jose.util.JSONObjectUtils.toJSONString(representation), 204);
    }

    /** A confidential client with service accounts enabled: client credentials, no user (API access, issue 16). */
    public record ServiceClient(String clientId, Secret secret) {
    }

    /**
     * Creates a confidential client with "Service accounts roles" on through the admin REST API, as the README's
     * Keycloak recipe says: an audience mapper adding {@code audience} to its access tokens, their lifespan, and,
     * without {@code emailScope}, the realm's default client scope {@code email} removed (a token without that scope).
     */
    public ServiceClient serviceAccountClient(String clientId, String audience, Duration tokenLifespan,
            boolean emailScope) {
        URI base = adminBase();
        String token = adminToken(base);
        Secret secret = randomSecret();
        String client = "{\"clientId\":\"" + clientId + "\",\"enabled\":true,\"protocol\":\"openid-connect\","
                + "\"publicClient\":false,\"clientAuthenticatorType\":\"client-secret\",\"secret\":\"" + secret.reveal()
                + "\",\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":false,"
                + "\"attributes\":{\"access.token.lifespan\":\"" + tokenLifespan.toSeconds() + "\"},"
                + "\"protocolMappers\":[" + audienceMapper("api-audience", audience) + ","
                + audienceMapper("introspection-audience", INTROSPECTION_CLIENT) + "]}";
        String clients = base + "/admin/realms/" + REALM + "/clients";
        JsonHttp.postJson(URI.create(clients), token, client, 201);
        if (!emailScope) {
            String id = idOfOnly(JsonHttp.getArray(URI.create(clients + "?clientId=" + clientId), token),
                    "client " + clientId);
            for (Map<String, Object> scope : JsonHttp.getArray(URI.create(clients + "/" + id
                    + "/default-client-scopes"), token)) {
                if ("email".equals(scope.get("name"))) {
                    JsonHttp.delete(URI.create(clients + "/" + id + "/default-client-scopes/" + scope.get("id")),
                            token, 204);
                }
            }
        }
        return new ServiceClient(clientId, secret);
    }

    /**
     * An audience mapper: Keycloak puts {@code audience} into the client's access tokens. Keycloak 26 answers an
     * introspection only to a client in the token's audience ("Client '…' is not in the token audience"), so every
     * API client's tokens also name {@link #INTROSPECTION_CLIENT}, the client Lanyard introspects with.
     */
    private static String audienceMapper(String name, String audience) {
        return "{\"name\":\"" + name + "\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\","
                + "\"config\":{\"included.custom.audience\":\"" + audience + "\",\"access.token.claim\":\"true\","
                + "\"id.token.claim\":\"false\",\"introspection.token.claim\":\"true\"}}";
    }

    /** An access token by the client credentials grant (RFC 6749 §4.4), fetched through the proxy as a script would. */
    public String clientCredentialsToken(ServiceClient client) {
        return (String) JsonHttp.postForm(URI.create(issuer() + "/protocol/openid-connect/token"), Map.of(
                "grant_type", "client_credentials", "client_id", client.clientId(),
                "client_secret", client.secret().reveal())).get("access_token");
    }

    /** The ids of a person's sessions at Keycloak (the admin console's "Sessions" tab of the user). */
    public List<String> sessionsOf(TestAccount account) {
        URI base = adminBase();
        String token = adminToken(base);
        return JsonHttp.getArray(URI.create(userUri(base, token, account) + "/sessions"), token).stream()
                .map(session -> String.valueOf(session.get("id"))).toList();
    }

    /**
     * Ends every session of a person at Keycloak, as the admin console's "Sign out" on a user does: Keycloak sends a
     * back-channel logout token to each client those sessions logged in to.
     */
    public void signOutEverywhere(TestAccount account) {
        URI base = adminBase();
        String token = adminToken(base);
        JsonHttp.postJson(URI.create(userUri(base, token, account) + "/logout"), token, "{}", 204);
    }

    private static URI userUri(URI base, String token, TestAccount account) {
        URI users = URI.create(base + "/admin/realms/" + REALM + "/users?exact=true&username=" + account.username());
        String id = String.valueOf(JsonHttp.getArray(users, token).get(0).get("id"));
        return URI.create(base + "/admin/realms/" + REALM + "/users/" + id);
    }

    private URI adminBase() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private String adminToken(URI base) {
        return (String) JsonHttp.postForm(URI.create(base + "/realms/master/protocol/openid-connect/token"), Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", adminPassword.reveal())).get("access_token");
    }

    @Override
    public List<String> scopes() {
        return List.of("openid", "profile", "email");
    }

    /**
     * Adds a new generated RS256 key with a higher priority through the admin REST API: Keycloak signs with it from
     * now on and keeps publishing the old one (as an administrator rotates keys in the admin console).
     */
    @Override
    public List<String> rotateSigningKeys() {
        URI base = adminBase();
        String token = adminToken(base);
        Map<String, Object> realm = JsonHttp.get(URI.create(base + "/admin/realms/" + REALM), Optional.of(token));
        String component = "{\"name\":\"rsa-rs256-rotated-" + System.currentTimeMillis() + "\","
                + "\"providerId\":\"rsa-generated\",\"providerType\":\"org.keycloak.keys.KeyProvider\","
                + "\"parentId\":\"" + realm.get("id") + "\","
                + "\"config\":{\"priority\":[\"" + (200 + RANDOM.nextInt(100)) + "\"],\"algorithm\":[\"RS256\"],"
                + "\"keySize\":[\"2048\"],\"active\":[\"true\"],\"enabled\":[\"true\"]}}";
        JsonHttp.postJson(URI.create(base + "/admin/realms/" + REALM + "/components"), token, component, 201);
        return keyIds(base);
    }

    /**
     * Removes a person from a group of the realm through the admin REST API, as an administrator does in the admin
     * console; their next login's token no longer names the group.
     */
    public void removeFromGroup(String username, String group) {
        URI base = adminBase();
        String token = adminToken(base);
        String realm = base + "/admin/realms/" + REALM;
        String userId = idOfOnly(JsonHttp.getArray(URI.create(realm + "/users?exact=true&username=" + username), token),
                "user " + username);
        String groupId = idOfOnly(JsonHttp.getArray(URI.create(realm + "/users/" + userId + "/groups?search=" + group),
                token), "group " + group + " of " + username);
        JsonHttp.delete(URI.create(realm + "/users/" + userId + "/groups/" + groupId), token, 204);
    }

    private static String idOfOnly(List<Map<String, Object>> found, String what) {
        if (found.size() != 1) {
            throw new IllegalStateException("Keycloak has " + found.size() + " matches for " + what + ", not one");
        }
        return String.valueOf(found.get(0).get("id"));
    }

    private static List<String> keyIds(URI base) {
        Map<String, Object> jwks = JsonHttp.get(URI.create(base + "/realms/" + REALM + "/protocol/openid-connect/certs"),
                Optional.empty());
        List<String> ids = new ArrayList<>();
        for (Object key : (List<?>) jwks.get("keys")) {
            ids.add(String.valueOf(((Map<?, ?>) key).get("kid")));
        }
        return ids;
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            proxy.close();
        }
    }

    private static String realm(Iterable<RegisteredClient> clients, String sandboxBase) {
        String clientTemplate = resource("/keycloak/lanyard-client.json");
        List<String> entries = new ArrayList<>();
        for (RegisteredClient client : clients) {
            boolean signsJwt = client.authMethods().contains(ClientAuthMethod.PRIVATE_KEY_JWT);
            entries.add(clientTemplate
                    .replace("@CLIENT_ID@", client.clientId())
                    .replace("@CLIENT_SECRET@", client.secret().reveal())
                    .replace("@CLIENT_AUTHENTICATOR@", signsJwt ? "client-jwt" : "client-secret")
                    .replace("@USE_JWKS_URL@", String.valueOf(signsJwt))
                    .replace("@JWKS_URL@", signsJwt ? sandboxBase + LanyardPaths.JWKS : "")
                    .replace("@SIGNING_ALGORITHM@", client.signingAlgorithm())
                    .replace("@REDIRECT_URI@", sandboxBase + LanyardPaths.callbackPath(client.lanyardId()))
                    // Keycloak POSTs its logout tokens straight to the sandbox, not through the proxy
                    .replace("@BACKCHANNEL_LOGOUT_URL@", sandboxBase
                            + LanyardPaths.backChannelLogoutPath(client.lanyardId()))
                    .replace("@POST_LOGOUT_REDIRECT_URI@", sandboxBase + LanyardPaths.POST_LOGOUT));
        }
        return resource("/keycloak/lanyard-realm.json").replace("@CLIENTS@", String.join(",\n", entries));
    }

    private static String resource(String name) {
        try (InputStream in = KeycloakServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static Secret randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return displayName() + " at " + issuer() + " (" + process + ")";
    }
}
