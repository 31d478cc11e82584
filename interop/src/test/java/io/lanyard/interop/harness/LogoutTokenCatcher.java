package io.lanyard.interop.harness;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A back-channel logout endpoint of nobody's relying party on a free port of 127.0.0.1: it answers every form POST
 * 200 and keeps the {@code logout_token}s, so a test can hand a token a provider made to an endpoint it was not
 * made for. Tokens are kept in memory only, never printed.
 */
public final class LogoutTokenCatcher implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<String> tokens = new ArrayBlockingQueue<>(16);

    private LogoutTokenCatcher(HttpServer server) {
        this.server = server;
    }

    public static LogoutTokenCatcher start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            LogoutTokenCatcher catcher = new LogoutTokenCatcher(server);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                for (String pair : body.split("&")) {
                    if (pair.startsWith("logout_token=")) {
                        catcher.tokens.offer(URLDecoder.decode(pair.substring("logout_token=".length()),
                                StandardCharsets.UTF_8));
                    }
                }
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return catcher;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/backchannel-logout");
    }

    /** The next logout token received, waiting up to {@code timeout} for it. */
    public String next(Duration timeout) throws InterruptedException {
        String token = tokens.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (token == null) {
            throw new AssertionError("no logout token arrived at " + url() + " within " + timeout.toSeconds() + " s");
        }
        return token;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
