package io.lanyard.bench.token;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cross-check of the JMH figures that holds up on a busy machine: the same validators on the same token, timed by
 * this thread's CPU time (not wall time, so time the thread spends preempted does not count), in interleaved
 * rounds within one JVM. Less exact than JMH (one JVM shares JIT profiles between validators; no fork isolation);
 * use it to see whether a change moves a ratio while the machine is loaded, never as the published figure.
 *
 * <pre>java -cp benchmarks.jar io.lanyard.bench.token.CpuTimeComparison RS256</pre>
 */
public final class CpuTimeComparison {

    private static final int WARM_UP_ROUNDS = 10;
    private static final int ROUNDS = 15;
    private static final int PER_ROUND = 2_000;

    private CpuTimeComparison() {
    }

    public static void main(String[] args) throws Exception {
        String algorithm = args.length > 0 ? args[0] : "RS256";
        String token = TokenFixtures.idToken(algorithm);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LocalJwksEndpoint jwks = new LocalJwksEndpoint(TokenFixtures.publicKeysJson())) {
            Map<String, IdTokenCheck> validators = new LinkedHashMap<>();
            validators.put("rawJdkSignature", Validators.rawJdkSignature(algorithm));
            validators.put("lanyard", Validators.lanyard(algorithm, jwks.uri()));
            validators.put("nimbusIdTokenValidator", Validators.nimbus(algorithm));
            validators.put("springNimbusJwtDecoder", Validators.spring(algorithm));
            validators.put("pac4jTokenValidator", Validators.pac4j(algorithm));
            Map<String, long[]> nanosPerOp = new LinkedHashMap<>();
            validators.keySet().forEach(name -> nanosPerOp.put(name, new long[ROUNDS]));
            Object sink = null;
            for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
                for (Map.Entry<String, IdTokenCheck> entry : validators.entrySet()) {
                    long before = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < PER_ROUND; i++) {
                        sink = entry.getValue().validate(token);
                    }
                    long used = threads.getCurrentThreadCpuTime() - before;
                    if (round >= 0) {
                        nanosPerOp.get(entry.getKey())[round] = used / PER_ROUND;
                    }
                }
            }
            if (sink == null) {
                throw new IllegalStateException("no result");
            }
            long floor = median(nanosPerOp.get("rawJdkSignature"));
            System.out.printf("%s, CPU time per validation, median of %d rounds of %d%n", algorithm, ROUNDS, PER_ROUND);
            nanosPerOp.forEach((name, values) -> System.out.printf("  %-24s %8.1f µs  %5.0f %% of raw throughput%n",
                    name, median(values) / 1000.0, 100.0 * floor / median(values)));
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
