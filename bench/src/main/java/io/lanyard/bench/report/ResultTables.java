package io.lanyard.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one run's raw results (JMH JSON, the login driver's JSON, the start-up probe's lines, jar sizes) into the
 * Markdown tables of BENCHMARKS.md: medians over all measured iterations, and ratios taken within the run.
 *
 * <pre>java -cp benchmarks.jar io.lanyard.bench.report.ResultTables bench/target/results</pre>
 */
public final class ResultTables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultTables() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/target/results");
        StringBuilder md = new StringBuilder();
        filterTable(results.resolve("jmh-filter.json"), md);
        tokenTable(results.resolve("jmh-tokens.json"), md);
        breakdownTable(results.resolve("jmh-breakdown.json"), md);
        accessTokenTable(results.resolve("jmh-access.json"), md);
        loginTable(results.resolve("login-round-trip.json"), md);
        startupTable(results.resolve("startup.jsonl"), results.resolve("hyperfine-startup.json"), md);
        jarTable(results.resolve("jars.tsv"), md);
        Files.writeString(results.resolve("tables.md"), md.toString());
        System.out.print(md);
    }

    private static void filterTable(Path file, StringBuilder md) throws IOException {
        if (!Files.exists(file)) {
            md.append("_(no filter results: ").append(file).append(")_\n\n");
            return;
        }
        Map<String, Map<String, JsonNode>> byScenario = new LinkedHashMap<>();
        for (JsonNode run : JSON.readTree(file.toFile())) {
            String scenario = run.path("params").path("scenario").asText();
            byScenario.computeIfAbsent(scenario, s -> new LinkedHashMap<>()).put(method(run), run);
        }
        md.append("| request passed through | Lanyard's `LoginFilter` (ns/op, median) | no-op filter (ns/op, median) "
                + "| Lanyard − no-op (ns) | Lanyard alloc (B/op) | no-op alloc (B/op) |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<String, Map<String, JsonNode>> entry : byScenario.entrySet()) {
            JsonNode lanyard = entry.getValue().get("lanyardLoginFilter");
            JsonNode noOp = entry.getValue().get("noOpFilter");
            double l = median(lanyard);
            double n = median(noOp);
            md.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f | %s | %s |%n", entry.getKey(), l, n, l - n,
                    allocation(lanyard), allocation(noOp)));
        }
        md.append('\n');
    }

    private static void tokenTable(Path file, StringBuilder md) throws IOException {
        if (!Files.exists(file)) {
            md.append("_(no token results: ").append(file).append(")_\n\n");
            return;
        }
        Map<String, Map<String, JsonNode>> byAlgorithm = new LinkedHashMap<>();
        for (JsonNode run : JSON.readTree(file.toFile())) {
            byAlgorithm.computeIfAbsent(run.path("params").path("algorithm").asText(), a -> new LinkedHashMap<>())
                    .put(method(run), run);
        }
        List<String> order = List.of("rawJdkSignature", "lanyard", "nimbusIdTokenValidator", "springNimbusJwtDecoder",
                "pac4jTokenValidator");
        Map<String, String> names = Map.of(
                "rawJdkSignature", "raw JDK `Signature` (floor)",
                "lanyard", "**Lanyard** `IdTokenValidator`",
                "nimbusIdTokenValidator", "Nimbus `IDTokenValidator`",
                "springNimbusJwtDecoder", "Spring Security `NimbusJwtDecoder` + `OidcIdTokenValidator`",
                "pac4jTokenValidator", "pac4j-oidc `TokenValidator`");
        md.append("| alg | validator | validations/s (median) | µs per validation | ratio to raw | alloc (B/op) |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<String, Map<String, JsonNode>> entry : byAlgorithm.entrySet()) {
            JsonNode raw = entry.getValue().get("rawJdkSignature");
            double floor = raw == null ? Double.NaN : median(raw);
            for (String method : order) {
                JsonNode run = entry.getValue().get(method);
                if (run == null) {
                    continue;
                }
                double throughput = median(run);
                md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.1f | %.0f %% | %s |%n", entry.getKey(),
                        names.get(method), throughput, 1e6 / throughput, 100 * throughput / floor, allocation(run)));
            }
        }
        md.append('\n');
    }

    private static void breakdownTable(Path file, StringBuilder md) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        md.append("| step (RS256 fixture, Nimbus JOSE) | ns/op (median) |\n| --- | ---: |\n");
        for (JsonNode run : JSON.readTree(file.toFile())) {
            md.append(String.format(Locale.ROOT, "| `%s` | %,.0f |%n", method(run), median(run)));
        }
        md.append('\n');
    }

    /** BENCHMARKS.md §6: each method's time and allocation, and its throughput against the raw JDK check. */
    private static void accessTokenTable(Path file, StringBuilder md) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Map<String, JsonNode> byMethod = new LinkedHashMap<>();
        for (JsonNode run : JSON.readTree(file.toFile())) {
            byMethod.put(method(run), run);
        }
        JsonNode raw = byMethod.get("rawJdkSignature");
        md.append("| API access benchmark | ns/op (median) | B/op | against the raw JDK check |\n")
                .append("| --- | ---: | ---: | ---: |\n");
        for (Map.Entry<String, JsonNode> entry : byMethod.entrySet()) {
            String ratio = raw == null || entry.getKey().equals("lanyardRepeatCall") ? "—"
                    : String.format(Locale.ROOT, "%.2f ×", median(raw) / median(entry.getValue()));
            md.append(String.format(Locale.ROOT, "| `%s` | %,.0f | %s | %s |%n", entry.getKey(),
                    median(entry.getValue()), allocation(entry.getValue()), ratio));
        }
        md.append('\n');
    }

    private static void loginTable(Path file, StringBuilder md) throws IOException {
        if (!Files.exists(file)) {
            md.append("_(no login results: ").append(file).append(")_\n\n");
            return;
        }
        JsonNode r = JSON.readTree(file.toFile());
        md.append("| users | measured s | logins | failures | logins/s | p50 ms | p90 ms | p99 ms | max ms |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        JsonNode latency = r.path("latencyMs");
        md.append(String.format(Locale.ROOT, "| %d | %.0f | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n%n",
                r.path("users").asInt(), r.path("measuredSeconds").asDouble(), r.path("logins").asLong(),
                r.path("failures").asLong(), r.path("loginsPerSecond").asDouble(), latency.path("p50").asDouble(),
                latency.path("p90").asDouble(), latency.path("p99").asDouble(), latency.path("max").asDouble()));
        Map<String, String> names = new LinkedHashMap<>();
        names.put("tomcat", "Tomcat request threads: Lanyard's filter and servlets + the demo app + Tomcat");
        names.put("lanyard-http-client", "Lanyard's HTTP client to the provider (token request)");
        names.put("provider", "built-in provider (mock-oauth2-server + sandbox routes)");
        names.put("driver", "load driver (simulated browsers)");
        names.put("jvm-other-threads", "other JVM threads");
        names.put("gc-jit-and-unattributed", "GC, JIT and other non-Java threads");
        names.put("process", "whole process");
        md.append("| CPU per login, by thread group | µs |\n| --- | ---: |\n");
        JsonNode cpu = r.path("cpuMicrosPerLogin");
        names.forEach((key, name) -> md.append(String.format(Locale.ROOT, "| %s | %,.0f |%n", name,
                cpu.path(key).asDouble())));
        md.append('\n');
    }

    private static void startupTable(Path lines, Path hyperfine, StringBuilder md) throws IOException {
        if (!Files.exists(lines)) {
            md.append("_(no start-up results: ").append(lines).append(")_\n\n");
            return;
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(lines)) {
            if (line.isBlank()) {
                continue;
            }
            JSON.readTree(line).fields().forEachRemaining(f ->
                    values.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(f.getValue().asDouble()));
        }
        int runs = values.values().stream().findFirst().map(List::size).orElse(0);
        md.append("| start-up step (fresh JVM each, ").append(runs).append(" runs) | median ms | min ms | max ms |\n");
        md.append("| --- | ---: | ---: | ---: |\n");
        values.forEach((key, list) -> {
            List<Double> sorted = list.stream().sorted().toList();
            md.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f |%n", key, medianOf(sorted),
                    sorted.get(0), sorted.get(sorted.size() - 1)));
        });
        if (Files.exists(hyperfine)) {
            JsonNode result = JSON.readTree(hyperfine.toFile()).path("results").path(0);
            md.append(String.format(Locale.ROOT, "| whole probe process, JVM start to exit (hyperfine, %d runs) "
                            + "| %.1f | %.1f | %.1f |%n", result.path("times").size(),
                    result.path("median").asDouble() * 1000, result.path("min").asDouble() * 1000,
                    result.path("max").asDouble() * 1000));
        }
        md.append('\n');
    }

    private static void jarTable(Path file, StringBuilder md) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        md.append("| jar | size |\n| --- | ---: |\n");
        for (String line : Files.readAllLines(file)) {
            String[] columns = line.split("\t");
            if (columns.length == 2) {
                String size = columns[1].matches("\\d+")
                        ? String.format(Locale.ROOT, "%,d bytes (%.1f MiB)", Long.parseLong(columns[1]),
                                Long.parseLong(columns[1]) / 1048576.0)
                        : columns[1];
                md.append("| ").append(columns[0]).append(" | ").append(size).append(" |\n");
            }
        }
        md.append('\n');
    }

    private static String method(JsonNode run) {
        String benchmark = run.path("benchmark").asText();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static double median(JsonNode run) {
        JsonNode percentile = run.path("primaryMetric").path("scorePercentiles").path("50.0");
        return percentile.isMissingNode() ? run.path("primaryMetric").path("score").asDouble() : percentile.asDouble();
    }

    private static String allocation(JsonNode run) {
        JsonNode secondary = run.path("secondaryMetrics");
        for (String key : List.of("gc.alloc.rate.norm", "·gc.alloc.rate.norm")) {
            if (secondary.has(key)) {
                return String.format(Locale.ROOT, "%.1f", secondary.get(key).path("score").asDouble());
            }
        }
        return "n/a";
    }

    private static double medianOf(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
