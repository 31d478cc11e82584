package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a person would: {@code java -jar target/lanyard-sandbox.jar …}. */
class SandboxMainIT {

    private static final Pattern OPEN_LINE = Pattern.compile("^\\s*Open:\\s+(http://localhost:\\d+/)\\s*$");
    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "lanyard-sandbox.jar");

    @Test
    void theJarStartsPrintsTheUrlSendsAnonymousVisitorsToTheLoginPageAndStops(@TempDir Path home) throws Exception {
        int port = freePort();
        Process process = java("-jar", JAR.toString(), "--port", String.valueOf(port), "--idp-port", String.valueOf(freePort()),
                "--home", home.toString());
        try {
            URI open = waitForOpenLine(process);
            assertThat(open).isEqualTo(URI.create("http://localhost:" + port + "/"));

            HttpResponse<Void> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(HttpRequest.newBuilder(open).GET().build(), HttpResponse.BodyHandlers.discarding());

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).startsWith("/login?os_destination="));
            assertThat(home.resolve("lanyard").resolve("provider.xml")).exists();
        } finally {
            process.destroy(); // SIGTERM: runs the shutdown hook, as Ctrl-C does
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    }

    @Test
    void aBusyPortIsNamedInOneLineWithExitCode1AndNothingElse(@TempDir Path home) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            Process process = java("-jar", JAR.toString(), "--port", String.valueOf(port), "--home", home.toString());
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(output.strip().lines()).containsExactly("lanyard-sandbox: cannot start: port " + port
                    + " of the sandbox (--port) is in use by another program: choose another with --port N");
        }
    }

    @Test
    void aStartAndAStopLogNoWarnings(@TempDir Path home) throws Exception {
        Path log = home.resolve("sandbox.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "--port", "0", "--home", home.resolve("home").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains("Stop:") && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(100);
        }
        process.destroy(); // SIGTERM, as Ctrl-C

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("Lanyard sandbox is running").doesNotContain("WARN")
                .doesNotContain("ERROR").doesNotContain("add-opens").doesNotContain("Exception");
    }

    @Test
    void theReadmesJarIsTheOnlyRunnableJarInTarget() throws Exception {
        List<String> runnable = new ArrayList<>();
        try (var jars = Files.newDirectoryStream(JAR.getParent(), "*.jar")) {
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    Manifest manifest = file.getManifest();
                    if (manifest != null && manifest.getMainAttributes().getValue("Main-Class") != null) {
                        runnable.add(jar.getFileName().toString());
                    }
                }
            }
        }

        assertThat(runnable).containsExactly("lanyard-sandbox.jar");
    }

    @Test
    void aPortThatIsNotANumberIsExplainedInOneLineWithExitCode2() throws Exception {
        Process process = java("-jar", JAR.toString(), "--port", "abc");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output.strip().lines()).containsExactly(
                "lanyard-sandbox: --port expects a port number from 0 to 65535, not \"abc\" (see --help)");
    }

    @Test
    void helpPrintsTheUsageAndExitsNormally() throws Exception {
        Process process = java("-jar", JAR.toString(), "--help");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(output).startsWith("Usage: java -jar lanyard-sandbox.jar").contains("--idp-port N");
    }

    private static Process java(String... arguments) throws IOException {
        assertThat(JAR).as("run mvn package first").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's output until the "Open:" line of the banner; keeps draining it afterwards. */
    static URI waitForOpenLine(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> open = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    seen.append(line).append('\n');
                    Matcher matcher = OPEN_LINE.matcher(line);
                    if (matcher.matches()) {
                        drainInBackground(reader);
                        return URI.create(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new AssertionError("the sandbox ended without printing its URL:\n" + seen);
        });
        return open.get(60, TimeUnit.SECONDS);
    }

    private static void drainInBackground(BufferedReader reader) {
        Thread drainer = new Thread(() -> {
            try {
                while (reader.readLine() != null) {
                    // keep the child's pipe from filling up
                }
            } catch (IOException ignored) {
                // the child has ended
            }
        }, "sandbox-output");
        drainer.setDaemon(true);
        drainer.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
