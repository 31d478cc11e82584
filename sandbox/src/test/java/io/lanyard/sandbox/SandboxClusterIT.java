package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.xml.ProviderXml;
import io.lanyard.sandbox.app.WhoAmIServlet;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real two-node cluster (issue 15): two sandboxes started as a person would ({@code java -jar … --cluster URL}),
 * sharing one home folder and one embedded Hazelcast cluster, behind Debian's HAProxy doing round-robin without sticky
 * sessions, all on 127.0.0.1. HAProxy names the node that answered each request ({@code X-Lanyard-Node}), so the tests
 * know where each step landed. The test's HAProxy sends back-channel logouts to node 2 only, so that "received by the
 * other node" is certain. One set-up for all the tests; the last one kills node 2.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxClusterIT {

    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "lanyard-sandbox.jar");
    private static final String NODE = "X-Lanyard-Node";

    @TempDir
    static Path work;
    private static Path home;
    private static Process haproxy;
    private static final Process[] NODES = new Process[2];
    private static final int[] NODE_PORTS = new int[2];
    private static URI front;

    @BeforeAll
    static void startTheCluster() throws Exception {
        home = Files.createDirectories(work.resolve("home"));
        int frontPort = SandboxMainIT.freePort();
        NODE_PORTS[0] = SandboxMainIT.freePort();
        NODE_PORTS[1] = SandboxMainIT.freePort();
        front = URI.create("http://localhost:" + frontPort);
        haproxy = startHaproxy(frontPort);
        NODES[0] = startNode(1, "--idp-port", String.valueOf(SandboxMainIT.freePort()));
        NODES[1] = startNode(2);
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        for (Process node : NODES) {
            if (node != null) {
                node.destroy();
                node.waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (haproxy != null) {
            haproxy.destroy();
        }
    }

    private static Process startNode(int number, String... extra) throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--port", String.valueOf(NODE_PORTS[number - 1]), "--home", home.toString(),
                "--cluster", front.toString(), "--sign-in-demo", "off"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        SandboxMainIT.waitForOpenLine(process);
        return process;
    }

    private static Process startHaproxy(int frontPort) throws IOException {
        Path config = work.resolve("haproxy.cfg");
        Files.writeString(config, String.join("\n",
                "global",
                "  maxconn 256",
                "defaults",
                "  mode http",
                "  timeout connect 2s",
                "  timeout client 30s",
                "  timeout server 30s",
                "  option http-server-close",
                "  option redispatch",
                "  retries 2",
                "frontend cluster",
                "  bind 127.0.0.1:" + frontPort,
                "  use_backend node2 if { path_beg /plugins/servlet/lanyard/backchannel-logout/ }",
                "  default_backend nodes",
                "backend nodes",
                "  balance roundrobin",
                "  http-response set-header " + NODE + " %s",
                "  server node1 127.0.0.1:" + NODE_PORTS[0] + " check inter 500ms fall 2 rise 1",
                "  server node2 127.0.0.1:" + NODE_PORTS[1] + " check inter 500ms fall 2 rise 1",
                "backend node2",
                "  http-response set-header " + NODE + " %s",
                "  server node2 127.0.0.1:" + NODE_PORTS[1],
                ""), StandardCharsets.UTF_8);
        return new ProcessBuilder(Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile()).start();
    }

    /** A login through the front; where its start and its callback landed. */
    private record Login(Browser browser, String startedOn, String completedOn) {
    }

    private static Login logIn(String username) throws Exception {
        Browser browser = new Browser();
        Browser.Page start = browser.get(URI.create(front + "/login"));
        assertThat(start.status()).as("the login start redirects to the provider: %s", start).isEqualTo(302);
        Browser.Page signIn = browser.open(start.uri().resolve(start.header("Location").orElseThrow()));
        URI callback = browser.signInAtProviderUntilTheCallback(signIn, username);
        Browser.Page completed = browser.get(callback);
        assertThat(completed.status()).as("the callback logs in: %s", completed).isEqualTo(302);
        return new Login(browser, start.header(NODE).orElseThrow(), completed.header(NODE).orElseThrow());
    }

    private static URI onNode(String node, String path) {
        return URI.create("http://localhost:" + NODE_PORTS[node.equals("node1") ? 0 : 1] + path);
    }

    @Test
    @Order(1)
    void aLoginStartedOnOneNodeCompletesOnTheOther() throws Exception {
        Login login = logIn("alice");
        if (login.startedOn().equals(login.completedOn())) {
            login = logIn("alice"); // round-robin alternates: the next one crosses
        }

        assertThat(login.startedOn()).isNotEqualTo(login.completedOn());
        assertThat(login.browser().get(onNode(login.completedOn(), WhoAmIServlet.PATH)).body()).contains("alice");
    }

    @Test
    @Order(2)
    void aBackChannelLogoutReceivedByNode2EndsAlicesSessionHeldOnNode1() throws Exception {
        Login alice = logIn("alice");
        for (int i = 0; i < 3 && !alice.completedOn().equals("node1"); i++) {
            new Browser().get(URI.create(front + WhoAmIServlet.PATH)); // one request shifts round-robin's turn
            alice = logIn("alice");
        }
        assertThat(alice.completedOn()).isEqualTo("node1");
        Login aliceElsewhere = logIn("alice");

        // "also at the provider": the provider's end-session page sends a logout token, which HAProxy gives node 2
        Browser.Page out = aliceElsewhere.browser().open(onNode(aliceElsewhere.completedOn(), "/logout"));
        assertThat(out.uri().getPath()).endsWith("/logged-out");

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            status = alice.browser().get(onNode("node1", WhoAmIServlet.PATH)).status();
        } while (status != 401 && System.nanoTime() < until);
        assertThat(status).isEqualTo(401);
    }

    @Test
    @Order(3)
    void aConfigurationSavedOnNode1IsUsedByNode2sNextLogin() throws Exception {
        Browser admin = new Browser();
        admin.submit(onNode("node1", "/login"), Map.of("username", "admin", "password", "admin"));
        String api = "/plugins/servlet/lanyard/api";
        Browser.Page xsrf = admin.get(onNode("node1", api + "/xsrf"));
        String token = xsrf.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1").strip();
        Browser.Page providers = admin.get(onNode("node1", api + "/idps"));
        String id = providers.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([A-Za-z0-9]+)\".*", "$1");
        String document = admin.get(onNode("node1", api + "/idps/" + id)).body();
        String renamed = document.replaceFirst("\"scopes\"\\s*:\\s*\\[[^\\]]*\\]",
                "\"scopes\":[\"openid\",\"profile\",\"email\",\"phone\"]");

        Browser.Page saved = admin.put(onNode("node1", api + "/idps/" + id), renamed, token);
        assertThat(saved.status()).as("saved: %s", saved.body()).isEqualTo(200);

        // node 2's next login start (a start on a node's own address is first sent to the base URL, the front)
        Browser.Page start = new Browser().get(URI.create(front + "/login"));
        if (!start.header(NODE).orElseThrow().equals("node2")) {
            start = new Browser().get(URI.create(front + "/login"));
        }
        assertThat(start.header(NODE)).contains("node2");
        assertThat(start.header("Location").orElseThrow()).contains("phone");
    }

    @Test
    @Order(4)
    void afterKillMinus9OfANodeMidLoginThePersonRetriesOnceAndIsIn() throws Exception {
        Browser browser = new Browser();
        Browser.Page start = browser.get(URI.create(front + "/login"));
        Browser.Page signIn = browser.open(start.uri().resolve(start.header("Location").orElseThrow()));
        URI callback = browser.signInAtProviderUntilTheCallback(signIn, "alice");

        NODES[1].destroyForcibly(); // SIGKILL, as kill -9
        NODES[1].waitFor(30, TimeUnit.SECONDS);

        Browser.Page back = browser.get(callback);
        if (back.status() != 302) {
            Login retried = logIn("alice"); // the person retries once
            back = retried.browser().get(onNode(retried.completedOn(), WhoAmIServlet.PATH));
            assertThat(back.body()).contains("alice");
        } else {
            assertThat(back.header(NODE)).contains("node1");
        }
        Login again = logIn("bob");
        assertThat(again.completedOn()).isEqualTo("node1");
        assertThat(Files.readString(home.resolve("lanyard").resolve(ProviderXml.FILE_NAME))).contains("phone")
                .endsWith("</lanyard-providers>\n");
    }
}
