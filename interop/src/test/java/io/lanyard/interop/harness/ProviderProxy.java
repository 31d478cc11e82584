package io.lanyard.interop.harness;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A reverse proxy on 127.0.0.1 in front of an identity provider: the provider's issuer is this proxy's URL, so the
 * browser and the sandbox both reach the provider only through it. It lets a test
 * <ul>
 *   <li>see what went to the provider: each request's method, path, the names (never the values) of its parameters,
 *       how the client authenticated, the {@code iss} of an authorization response and the {@code alg}/{@code kid}
 *       of an issued ID token (from the token's header only);</li>
 *   <li>make the provider unreachable for some paths: the connection is closed without an answer;</li>
 *   <li>tamper with the front channel: drop parameters of the authorization request, replace or remove the
 *       {@code iss} of the authorization response.</li>
 * </ul>
 * Nothing it sees is printed: no code, token or secret is kept, only the values listed above.
 */
public final class ProviderProxy implements AutoCloseable {

    /** Request headers a proxy does not pass on (hop-by-hop, or set by the HTTP client itself). */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "proxy-authorization",
            "http2-settings");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "content-length", "keep-alive",
            "transfer-encoding", "trailer", "upgrade");
    /** Authorization-request parameters whose values are kept (none of them secret). */
    private static final Set<String> VISIBLE_PARAMETERS = Set.of("response_type", "scope", "code_challenge_method",
            "client_id", "response_mode", "prompt", "max_age", "grant_type");

    /** What one request to the provider looked like. */
    public record Seen(Instant at, String method, String path, Set<String> queryParameters,
            Map<String, String> visibleParameters, Set<String> formParameters, String authorizationScheme,
            boolean refused, int status, Optional<CallbackRedirect> callbackRedirect, Optional<IssuedIdToken> idToken) {

        public boolean is(String method, String path) {
            return this.method.equals(method) && this.path.equals(path);
        }
    }

    /** A redirect to Lanyard's callback (the authorization response), as the provider sent it. */
    public record CallbackRedirect(Optional<String> issuer, boolean hasCode, Optional<String> error) {
    }

    /** The header of an ID token in a token response. */
    public record IssuedIdToken(String algorithm, String keyId) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient upstream;
    private final URI url;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int upstreamPort;
    private volatile String callbackPrefix = "\u0000";
    private volatile Predicate<String> refusedPaths = path -> false;
    private volatile Set<String> droppedAuthorizationParameters = Set.of();
    private volatile String authorizationPath = "\u0000";
    private volatile IssuerTampering issuerTampering;

    private record IssuerTampering(Optional<String> replacement) {
    }

    private ProviderProxy(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.upstream = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Listens on a free port of 127.0.0.1; set the provider's port with {@link #forwardTo(int)} before use. */
    public static ProviderProxy start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            ExecutorService executor = Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "provider-proxy");
                thread.setDaemon(true);
                return thread;
            });
            ProviderProxy proxy = new ProviderProxy(server, executor);
            server.createContext("/", proxy::handle);
            server.setExecutor(executor);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the origin of the provider's issuer. */
    public URI url() {
        return url;
    }

    public int port() {
        return url.getPort();
    }

    public void forwardTo(int providerPort) {
        this.upstreamPort = providerPort;
    }

    /** Redirects to URLs starting with this prefix are authorization responses (Lanyard's callback). */
    public void callbackPrefix(String prefix) {
        this.callbackPrefix = prefix;
    }

    /** Requests to matching paths get no answer: their connection is closed, as if the provider were down. */
    public void refuse(Predicate<String> paths) {
        this.refusedPaths = paths;
    }

    /** Drops these parameters from requests to the authorization endpoint (e.g. the PKCE challenge). */
    public void dropAuthorizationParameters(String authorizationEndpointPath, Set<String> names) {
        this.authorizationPath = authorizationEndpointPath;
        this.droppedAuthorizationParameters = Set.copyOf(names);
    }

    /** Replaces the {@code iss} of authorization responses with {@code replacement}, or removes it when empty. */
    public void tamperWithResponseIssuer(Optional<String> replacement) {
        this.issuerTampering = new IssuerTampering(replacement);
    }

    /** Forwards everything unchanged again. */
    public void behave() {
        refusedPaths = path -> false;
        droppedAuthorizationParameters = Set.of();
        issuerTampering = null;
    }

    /** A position in the record of requests, for {@link #since(int)}. */
    public int mark() {
        return seen.size();
    }

    public List<Seen> since(int mark) {
        List<Seen> all = List.copyOf(seen);
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    public List<Seen> all() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI requested = exchange.getRequestURI();
            String path = requested.getRawPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> query = parameters(requested.getRawQuery());
            Map<String, String> form = isForm(exchange.getRequestHeaders()) ? parameters(new String(body, StandardCharsets.ISO_8859_1)) : Map.of();
            Map<String, String> visible = new LinkedHashMap<>();
            for (Map<String, String> source : List.of(query, form)) {
                source.forEach((name, value) -> {
                    if (VISIBLE_PARAMETERS.contains(name)) {
                        visible.put(name, value);
                    }
                });
            }
            String scheme = authorizationScheme(exchange.getRequestHeaders());
            if (refusedPaths.test(path)) {
                seen.add(new Seen(Instant.now(), method, path, query.keySet(), visible, form.keySet(), scheme, true, 0,
                        Optional.empty(), Optional.empty()));
                // No answer at all: the JDK server closes a connection whose handler fails.
                throw new IOException("refusing " + method + " " + path + " (provider made unreachable by the test)");
            }
            String rawQuery = requested.getRawQuery();
            if (path.equals(authorizationPath) && !droppedAuthorizationParameters.isEmpty()) {
                rawQuery = withoutParameters(rawQuery, droppedAuthorizationParameters);
            }
            HttpResponse<byte[]> response = forward(exchange, method, path, rawQuery, body);
            Optional<CallbackRedirect> callback = Optional.empty();
            Headers outgoing = exchange.getResponseHeaders();
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (NOT_RETURNED.contains(name) || name.startsWith(":")) {
                    continue;
                }
                for (String value : header.getValue()) {
                    if (name.equals("location") && value.startsWith(callbackPrefix)) {
                        callback = Optional.of(callbackRedirect(value));
                        value = tamperedCallback(value);
                    }
                    outgoing.add(header.getKey(), value);
                }
            }
            byte[] answer = response.body();
            seen.add(new Seen(Instant.now(), method, path, query.keySet(), visible, form.keySet(), scheme, false,
                    response.statusCode(), callback, issuedIdToken(method, response)));
            boolean noBody = answer.length == 0 || method.equals("HEAD") || response.statusCode() == 204
                    || response.statusCode() == 304;
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
            if (!noBody) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, String method, String path, String rawQuery, byte[] body)
            throws IOException {
        URI target = URI.create("http://127.0.0.1:" + upstreamPort + path + (rawQuery == null ? "" : "?" + rawQuery));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : header.getValue()) {
                try {
                    request.header(header.getKey(), value);
                } catch (IllegalArgumentException restrictedByTheHttpClient) {
                    // not forwarded
                }
            }
        }
        // What a reverse proxy tells the application behind it (oidc-provider builds its URLs from these).
        request.header("X-Forwarded-Host", url.getAuthority());
        request.header("X-Forwarded-Proto", "http");
        request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        try {
            return upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String tamperedCallback(String location) {
        IssuerTampering tampering = issuerTampering;
        if (tampering == null) {
            return location;
        }
        int question = location.indexOf('?');
        String base = question < 0 ? location : location.substring(0, question);
        String rawQuery = question < 0 ? null : location.substring(question + 1);
        String query = withoutParameters(rawQuery, Set.of("iss"));
        if (tampering.replacement().isPresent()) {
            String iss = "iss=" + URLEncoder.encode(tampering.replacement().get(), StandardCharsets.UTF_8);
            query = query == null || query.isEmpty() ? iss : query + "&" + iss;
        }
        return query == null || query.isEmpty() ? base : base + "?" + query;
    }

    private static CallbackRedirect callbackRedirect(String location) {
        int question = location.indexOf('?');
        Map<String, String> parameters = parameters(question < 0 ? null : location.substring(question + 1));
        return new CallbackRedirect(Optional.ofNullable(parameters.get("iss")), parameters.containsKey("code"),
                Optional.ofNullable(parameters.get("error")));
    }

    /** The alg and kid of an ID token in a token response (its header only; the token itself is not kept). */
    private static Optional<IssuedIdToken> issuedIdToken(String method, HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!method.equals("POST") || response.statusCode() != 200 || !type.startsWith("application/json")) {
            return Optional.empty();
        }
        try {
            Object idToken = JSONObjectUtils.parse(new String(response.body(), StandardCharsets.UTF_8)).get("id_token");
            if (!(idToken instanceof String)) {
                return Optional.empty();
            }
            JWSHeader header = SignedJWT.parse((String) idToken).getHeader();
            return Optional.of(new IssuedIdToken(header.getAlgorithm().getName(), header.getKeyID()));
        } catch (Exception notAnIdTokenResponse) {
            return Optional.empty();
        }
    }

    private static boolean isForm(Headers headers) {
        String type = headers.getFirst("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static String authorizationScheme(Headers headers) {
        String value = headers.getFirst("Authorization");
        if (value == null || value.isBlank()) {
            return "";
        }
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            result.putIfAbsent(name, value);
        }
        return result;
    }

    private static String withoutParameters(String rawQuery, Set<String> names) {
        if (rawQuery == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!names.contains(name)) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
