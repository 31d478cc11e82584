package io.lanyard.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderHttpClientTest {

    private HttpServer server;
    private final ProviderHttpClient client =
            new ProviderHttpClient(new HttpLimits(Duration.ofSeconds(1), Duration.ofMillis(800), 1024));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/small", exchange -> answer(exchange, 200, "x".repeat(1024)));
        server.createContext("/large", exchange -> answer(exchange, 200, "x".repeat(1025)));
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:1/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/slow-body", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("partial".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // the client gave up, as it should
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private HTTPResponse get(String path) {
        return client.send(new HTTPRequest(HTTPRequest.Method.GET,
                URI.create("http://localhost:" + server.getAddress().getPort() + path)), ErrorCode.DISCOVERY_UNREACHABLE);
    }

    @Test
    void sendWhenBodyAtLimitThenReturnsIt() {
        assertThat(get("/small").getBody()).hasSize(1024);
    }

    @Test
    void sendWhenBodyOverLimitThenTooLarge() {
        assertThatThrownBy(() -> get("/large")).extracting(e -> ((LanyardException) e).errorCode())
                .isEqualTo(ErrorCode.HTTP_RESPONSE_TOO_LARGE);
    }

    @Test
    void sendWhenRedirectedThenDoesNotFollow() {
        HTTPResponse response = get("/redirect");

        assertThat(response.getStatusCode()).isEqualTo(302);
    }

    @Test
    void sendWhenBodyTricklesBeyondResponseTimeoutThenGivesUp() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> get("/slow-body")).extracting(e -> ((LanyardException) e).errorCode())
                .isEqualTo(ErrorCode.DISCOVERY_UNREACHABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void sendWhenFailingThenMessageNamesUrlWithoutQuery() {
        assertThatThrownBy(() -> client.send(new HTTPRequest(HTTPRequest.Method.GET,
                URI.create("http://localhost:1/token?code=secret-code")), ErrorCode.TOKEN_ENDPOINT_UNREACHABLE))
                .hasMessageContaining("http://localhost:1/token").hasMessageNotContaining("secret-code");
    }
}
