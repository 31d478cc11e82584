package io.lanyard.sandbox.graph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.lanyard.core.secret.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the sandbox's Entra ID stand-ins share: a server on a free port of 127.0.0.1 with daemon threads, the
 * client-credentials token endpoint of one client (Microsoft identity platform, shared secret), the Bearer check,
 * form and query parsing, and JSON answers.
 */
final class StandInHttp {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StandInHttp() {
    }

    static HttpServer start(String threadName, int threads, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }

    static void stop(HttpServer server) {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    /**
     * {@code grant_type=client_credentials} of {@code clientId} with {@code secret}: a new token (kept in
     * {@code tokens}), or 401 {@code invalid_client} with an {@code AADSTS} description as Entra ID words it.
     */
    static void token(HttpExchange exchange, String clientId, Secret secret, Set<String> tokens, String prefix)
            throws IOException {
        Map<String, String> form = parameters(new String(exchange.getRequestBody().readNBytes(16 * 1024),
                StandardCharsets.UTF_8));
        String given = form.get("client_secret");
        if (!"client_credentials".equals(form.get("grant_type")) || !clientId.equals(form.get("client_id"))
                || given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                secret.reveal().getBytes(StandardCharsets.UTF_8))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":"
                    + "\"AADSTS7000215: Invalid client secret provided (sandbox stand-in).\"}");
            return;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.add(token);
        respond(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + token + "\"}");
    }

    static boolean authorized(HttpExchange exchange, Set<String> tokens) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer ")
                && tokens.contains(authorization.substring("Bearer ".length()));
    }

    /** {@code a=1&b=2}, decoded; a form body or a query string. */
    static Map<String, String> parameters(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
