package io.lanyard.bench.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lanyard.sandbox.RunningSandbox;
import io.lanyard.sandbox.Sandbox;
import io.lanyard.sandbox.SandboxOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole logins through the sandbox on loopback: several simulated people log in over and over (start page, Lanyard's
 * redirect, the built-in provider's sign-in form, the callback with code exchange and ID-token validation, the start
 * page logged in). A bounded run: a warm-up, then a measured window of fixed length or login count; then it stops.
 *
 * <p>Reports logins per second, latency percentiles, and the CPU time per login of each group of threads in this
 * one process: Tomcat's request threads (Lanyard's filter and servlets, the demo app, Tomcat itself), Lanyard's HTTP
 * client to the provider, the provider (mock-oauth2-server and the sandbox's routes in front of it), the load driver,
 * and what no Java thread accounts for (garbage collection, JIT compilation).
 *
 * <pre>java -cp benchmarks.jar io.lanyard.bench.login.LoginRoundTrip --users 4 --warmup 20 --seconds 60 --out f.json</pre>
 *
 * <p>With {@code --url URL} it drives a running site instead (the two-node cluster of {@code bench/cluster.sh}).
 */
public final class LoginRoundTrip {

    private static final Pattern HTTP_CLIENT_THREAD = Pattern.compile("HttpClient-(\\d+)-.*");
    private static final String[] USERNAMES = {"alice", "bob", "admin"};

    private LoginRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int users = Integer.parseInt(options.getOrDefault("users", "4"));
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup", "20"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        long maxLogins = Long.parseLong(options.getOrDefault("max-logins", "1000000"));
        Path out = Path.of(options.getOrDefault("out", "bench/target/login-round-trip.json"));

        if (options.containsKey("url")) {
            // a running site (e.g. the two-node cluster of bench/cluster.sh): only this process's driver is measured
            ThreadCpu cpu = new ThreadCpu(name -> name.startsWith("driver-user-") ? "driver" : "other");
            Map<String, Object> result = run(URI.create(options.get("url")), users, warmupSeconds, seconds, maxLogins,
                    cpu);
            result.put("url", options.get("url"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
            return;
        }
        Path home = Files.createTempDirectory("lanyard-bench-sandbox");
        try (RunningSandbox sandbox = Sandbox.start(SandboxOptions.onFreePorts(home))) {
            // Lanyard's provider client was built during the start: its HttpClient ids are the ones alive now.
            Set<String> lanyardClientIds = httpClientIdsAlive();
            ThreadCpu cpu = new ThreadCpu(name -> groupOf(name, lanyardClientIds));
            Map<String, Object> result = run(sandbox.baseUrl().resolve("/"), users, warmupSeconds, seconds, maxLogins, cpu);
            result.put("lanyardHttpClientIds", lanyardClientIds);
            Files.createDirectories(out.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
        } finally {
            deleteQuietly(home);
        }
    }

    private static Map<String, Object> run(URI startPage, int users, int warmupSeconds, int seconds, long maxLogins,
            ThreadCpu cpu) throws InterruptedException {
        AtomicLong measuredLogins = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long stopAt = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(users);
        List<Thread> drivers = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String username = USERNAMES[u % USERNAMES.length];
            Thread driver = new Thread(() -> {
                try {
                    BrowserSession browser = new BrowserSession();
                    while (true) {
                        long begin = System.nanoTime();
                        if (begin >= stopAt || measuredLogins.get() >= maxLogins) {
                            return;
                        }
                        browser.forgetCookies();
                        try {
                            browser.logIn(startPage, username);
                            long end = System.nanoTime();
                            if (begin >= measureFrom && end <= stopAt) {
                                latencies.add(end - begin);
                                measuredLogins.incrementAndGet();
                            }
                        } catch (IOException | IllegalStateException e) {
                            failures.incrementAndGet();
                            if (failureSamples.size() < 5) {
                                failureSamples.add(e.toString());
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "driver-user-" + u);
            drivers.add(driver);
        }
        drivers.forEach(Thread::start);

        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(measureFrom - System.nanoTime())));
        cpu.sample();
        Map<String, Long> cpuBefore = cpu.byGroup();
        long processBefore = ThreadCpu.processCpuNanos();
        long windowStart = System.nanoTime();
        while (!done.await(250, TimeUnit.MILLISECONDS)) {
            cpu.sample(); // keeps the CPU of threads that may end before the last snapshot
        }
        long windowEnd = Math.min(System.nanoTime(), stopAt);
        cpu.sample();
        Map<String, Long> cpuAfter = cpu.byGroup();
        long processAfter = ThreadCpu.processCpuNanos();

        long logins = measuredLogins.get();
        double windowSeconds = (windowEnd - windowStart) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("users", users);
        result.put("warmupSeconds", warmupSeconds);
        result.put("measuredSeconds", round(windowSeconds, 2));
        result.put("logins", logins);
        result.put("failures", failures.get());
        result.put("failureSamples", List.copyOf(failureSamples));
        result.put("loginsPerSecond", round(logins / windowSeconds, 1));
        result.put("latencyMs", Map.of(
                "p50", millis(percentile(sorted, 50)),
                "p90", millis(percentile(sorted, 90)),
                "p99", millis(percentile(sorted, 99)),
                "max", millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1])));
        Map<String, Object> cpuPerLogin = new LinkedHashMap<>();
        long threadsTotal = 0;
        for (String group : List.of("tomcat", "lanyard-http-client", "provider", "driver", "jvm-other-threads")) {
            long used = cpuAfter.getOrDefault(group, 0L) - cpuBefore.getOrDefault(group, 0L);
            threadsTotal += used;
            cpuPerLogin.put(group, perLoginMicros(used, logins));
        }
        long process = processAfter - processBefore;
        cpuPerLogin.put("gc-jit-and-unattributed", perLoginMicros(process - threadsTotal, logins));
        cpuPerLogin.put("process", perLoginMicros(process, logins));
        result.put("cpuMicrosPerLogin", cpuPerLogin);
        result.put("threadCpuMillisSinceStartByGroupAndName", cpu.millisByGroupAndName());
        result.put("processCpuUtilisation", round(process / 1e9 / windowSeconds, 2));
        result.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        result.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return result;
    }

    /**
     * Which part of the system a thread works for, by name: Tomcat's ({@code http-nio-…}, {@code Catalina-…}),
     * Lanyard's HTTP client to the provider ({@code HttpClient-<id>-…} of the client built at start), the driver
     * (its own threads and its HTTP clients), the JVM's service threads; everything else belongs to the built-in
     * provider (mock-oauth2-server's server threads).
     */
    static String groupOf(String threadName, Set<String> lanyardClientIds) {
        if (threadName.startsWith("http-nio-") || threadName.startsWith("Catalina-")) {
            return "tomcat";
        }
        Matcher client = HTTP_CLIENT_THREAD.matcher(threadName);
        if (client.matches()) {
            return lanyardClientIds.contains(client.group(1)) ? "lanyard-http-client" : "driver";
        }
        if (threadName.startsWith("driver-")) {
            return "driver";
        }
        if (Arrays.asList("main", "Reference Handler", "Finalizer", "Signal Dispatcher", "Common-Cleaner",
                "Notification Thread", "Attach Listener").contains(threadName)) {
            return "jvm-other-threads";
        }
        return "provider";
    }

    private static Set<String> httpClientIdsAlive() {
        Set<String> ids = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            Matcher matcher = HTTP_CLIENT_THREAD.matcher(thread.getName());
            if (matcher.matches()) {
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return round(nanos / 1e6, 2);
    }

    private static double perLoginMicros(long nanos, long logins) {
        return logins == 0 ? 0 : round(nanos / 1e3 / logins, 0);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --users N --warmup S --seconds S --max-logins N --out FILE");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static void deleteQuietly(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
