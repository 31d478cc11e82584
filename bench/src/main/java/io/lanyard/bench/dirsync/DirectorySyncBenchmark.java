package io.lanyard.bench.dirsync;

import io.lanyard.core.config.DirectorySyncSettings;
import io.lanyard.core.config.DirectorySyncSettings.GroupScope;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.dirsync.SyncReport;
import io.lanyard.core.secret.Secret;
import io.lanyard.sandbox.graph.GeneratedTenant;
import io.lanyard.sandbox.graph.StandInDirectorySync;
import io.lanyard.sandbox.graph.TenantGraphStandIn;
import io.lanyard.sandbox.host.ObservedWrites;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 20's scale check, not a JMH benchmark (one run takes minutes): a generated tenant (default 100,000 users,
 * 20,000 groups, skewed memberships) served by {@link TenantGraphStandIn} on loopback with 50 ms per request, synced
 * in full into the sandbox's directory, then again after 1 % of the users changed (and a few memberships). Prints
 * each run's time per phase, Graph requests, host writes, and the JVM's peak heap and GC time. Run it with the heap
 * the target names: {@code java -Xmx512m -cp bench/target/benchmarks.jar io.lanyard.bench.dirsync.DirectorySyncBenchmark
 * [users] [groups] [latency ms]} (bench/dirsync.sh does).
 */
public final class DirectorySyncBenchmark {

    private DirectorySyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int groups = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long latency = args.length > 2 ? Long.parseLong(args[2]) : 50;
        Secret secret = Secret.of("benchmark-stand-in-secret");
        long generateStart = System.nanoTime();
        GeneratedTenant tenant = GeneratedTenant.generate(users, groups, 20);
        System.out.printf(Locale.ROOT, "tenant: %,d users, %,d groups, %,d direct memberships (generated in %d ms)%n",
                users, groups, tenant.membershipCount(), (System.nanoTime() - generateStart) / 1_000_000);
        System.out.println("load average before: " + Files.readString(Path.of("/proc/loadavg")).strip());
        Path home = Files.createTempDirectory("lanyard-dirsync-bench");
        try (TenantGraphStandIn graph = TenantGraphStandIn.start(tenant, secret)) {
            graph.latency(Duration.ofMillis(latency));
            AtomicLong writes = new AtomicLong();
            ObservedWrites host = new ObservedWrites(new SandboxUserDirectory(), (kind, values) -> writes.incrementAndGet());
            AtomicLong audited = new AtomicLong();
            DirectorySync sync = StandInDirectorySync.create(home, graph.url(), new DirectorySync.Host(host.directory(),
                    host, host), event -> audited.incrementAndGet(), Clock.systemUTC());
            EntraConnectorConfig connector = StandInDirectorySync.connector(secret, DirectorySyncSettings.builder()
                    .enabled(true).groups(GroupScope.NAME_PATTERN).groupNamePattern(".*").usernamePattern("(.*)@.*")
                    .build());
            Sampler sampler = Sampler.start();

            SyncReport full = measure("full sync", sync, connector, writes, graph, sampler);
            check(full, SyncReport.Outcome.SUCCEEDED, users);

            List<Integer> changed = tenant.renameUsers(users / 100);
            for (int i = 0; i < 50; i++) {
                tenant.addMember(100 + i, changed.get(i));
            }
            SyncReport delta = measure("delta sync after 1 % of users changed", sync, connector, writes, graph,
                    sampler);
            check(delta, SyncReport.Outcome.SUCCEEDED, -1);
            sampler.stop();
            System.out.printf(Locale.ROOT, "audit events: %,d%n", audited.get());
            System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    private static SyncReport measure(String name, DirectorySync sync, EntraConnectorConfig connector,
            AtomicLong writes, TenantGraphStandIn graph, Sampler sampler) {
        long writesBefore = writes.get();
        long requestsBefore = graph.requests();
        long gcBefore = gcMillis();
        sampler.reset();
        long start = System.nanoTime();
        SyncReport report = sync.run(connector, DirectorySync.Request.syncNow("benchmark", false));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "%n== %s: %s in %.1f s (%s)%n", name, report.outcome(), millis / 1000.0,
                report.full() ? "full read" : "delta read");
        report.phases().forEach((phase, duration) -> System.out.printf(Locale.ROOT, "   %-15s %8.1f s%n", phase,
                duration.toMillis() / 1000.0));
        System.out.printf(Locale.ROOT, "   Graph requests %,d (throttled %d); host writes %,d; counts %s%n",
                graph.requests() - requestsBefore, report.throttled(), writes.get() - writesBefore,
                report.counts().asMap());
        System.out.printf(Locale.ROOT, "   heap: peak in use %,d MB, peak live after GC (old gen) %,d MB, max %,d MB;"
                + " GC %,d ms%n", sampler.peak() >> 20, sampler.peakAfterGc() >> 20,
                Runtime.getRuntime().maxMemory() >> 20, gcMillis() - gcBefore);
        report.failure().ifPresent(failure -> System.out.println("   failure: " + failure));
        return report;
    }

    private static void check(SyncReport report, SyncReport.Outcome expected, int created) {
        if (report.outcome() != expected || created >= 0 && report.counts().created() != created) {
            throw new IllegalStateException("unexpected result: " + report.outcome() + " " + report.counts());
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /**
     * The heap in use, sampled every 10 ms (its maximum includes garbage not collected yet), and the old
     * generation after each collection (the live data the run keeps).
     */
    static final class Sampler implements Runnable {
        private final java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final List<MemoryPoolMXBean> oldPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null
                        && pool.getName().contains("Old")).toList();
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private volatile boolean running = true;

        static Sampler start() {
            Sampler sampler = new Sampler();
            Thread thread = new Thread(sampler, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                for (MemoryPoolMXBean pool : oldPools) {
                    peakAfterGc.accumulateAndGet(pool.getCollectionUsage().getUsed(), Math::max);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void reset() {
            peak.set(0);
            peakAfterGc.set(0);
            oldPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        long peak() {
            return peak.get();
        }

        long peakAfterGc() {
            return peakAfterGc.get();
        }

        void stop() {
            running = false;
        }
    }
}
