package io.lanyard.bench.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Back-channel logout to effect on the other node (issue 15), against a running two-node sandbox cluster behind a load
 * balancer ({@code bench/cluster.sh} starts one, which gives logout tokens to node 2). Each round: alice logs in
 * through the front in browser A until her session is on node 1, logs in again in browser B, and logs out in B ("also at the provider"); the built-in
 * provider's end-session page POSTs a logout token through the front, and the time is taken from B's {@code /logout}
 * until A's session answers 401 on the node that holds it (polled every millisecond). Prints median, p90, p99, max.
 *
 * <pre>java -cp benchmarks.jar io.lanyard.bench.cluster.BackChannelLatency http://localhost:9080 \
 *     http://localhost:8080 http://localhost:8090 [rounds]</pre>
 */
public final class BackChannelLatency {

    private static final String WHOAMI = "/rest/sandbox/1/whoami";

    private BackChannelLatency() {
    }

    public static void main(String[] args) throws Exception {
        URI front = URI.create(args[0]);
        List<URI> nodes = List.of(URI.create(args[1]), URI.create(args[2]));
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        List<Long> micros = new ArrayList<>();
        int crossNode = 0;
        for (int round = 0; round < rounds; round++) {
            // alice's session on node 1; the front gives logout tokens to node 2 (bench/cluster.sh)
            Client a = new Client();
            URI heldByA = a.logIn(front, nodes);
            for (int retry = 0; retry < 5 && !heldByA.equals(nodes.get(0)); retry++) {
                new Client().status(front.resolve(WHOAMI)); // one request shifts round-robin's turn
                a = new Client();
                heldByA = a.logIn(front, nodes);
            }
            Client b = new Client();
            URI heldByB = b.logIn(front, nodes);
            long start = System.nanoTime();
            b.follow(heldByB.resolve("/logout"));
            while (a.status(heldByA.resolve(WHOAMI)) != 401) {
                if (System.nanoTime() - start > 10_000_000_000L) {
                    throw new IllegalStateException("the session on " + heldByA + " did not end within 10 s");
                }
                Thread.sleep(1);
            }
            micros.add((System.nanoTime() - start) / 1_000);
            crossNode += heldByA.equals(nodes.get(0)) ? 1 : 0;
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("rounds %d (alice's session on node 1, the token to node 2, in %d); /logout to effect, ms: median %.1f p90 %.1f "
                + "p99 %.1f max %.1f%n", rounds, crossNode, at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99),
                sorted[sorted.length - 1] / 1000.0);
        System.out.println("all, µs: " + Arrays.toString(sorted));
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }

    /** A cookie-keeping browser that follows redirects itself. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null,
                CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();

        /** Logs alice in through the front; the node whose session it is. */
        URI logIn(URI front, List<URI> nodes) throws IOException, InterruptedException {
            HttpResponse<String> signIn = follow(front.resolve("/login"));
            HttpResponse<String> callback = send(HttpRequest.newBuilder(signIn.uri())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode("alice",
                            StandardCharsets.UTF_8))));
            URI back = signIn.uri().resolve(callback.headers().firstValue("Location").orElseThrow());
            HttpResponse<String> landed = send(HttpRequest.newBuilder(back).GET());
            if (landed.statusCode() != 302) {
                throw new IllegalStateException("the callback answered " + landed.statusCode());
            }
            for (URI node : nodes) {
                if (status(node.resolve(WHOAMI)) == 200) {
                    return node;
                }
            }
            throw new IllegalStateException("no node holds the session");
        }

        int status(URI uri) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET()).statusCode();
        }

        HttpResponse<String> follow(URI uri) throws IOException, InterruptedException {
            HttpResponse<String> current = send(HttpRequest.newBuilder(uri).GET());
            for (int i = 0; i < 10 && current.statusCode() / 100 == 3; i++) {
                current = send(HttpRequest.newBuilder(current.uri().resolve(
                        current.headers().firstValue("Location").orElseThrow())).GET());
            }
            return current;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
