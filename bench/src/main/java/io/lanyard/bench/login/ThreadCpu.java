package io.lanyard.bench.login;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time of the process's Java threads, grouped by a classifier of thread names. Samples periodically and keeps
 * the last value seen for each thread, so that a thread that ends between two snapshots still counts up to its
 * last sample.
 */
final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Function<String, String> groupOfName;
    private final Map<Long, String> groupOfThread = new HashMap<>();
    private final Map<Long, Long> lastCpu = new HashMap<>();
    private final Map<Long, String> nameOfThread = new HashMap<>();

    ThreadCpu(Function<String, String> groupOfName) {
        this.groupOfName = groupOfName;
        if (!threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure per-thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
    }

    /** Updates the last known CPU time of every live thread. */
    synchronized void sample() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                groupOfThread.putIfAbsent(info.getThreadId(), groupOfName.apply(info.getThreadName()));
                nameOfThread.putIfAbsent(info.getThreadId(), info.getThreadName());
                lastCpu.put(info.getThreadId(), cpu);
            }
        }
    }

    /** Nanoseconds of CPU per group, as of the last sample. */
    synchronized Map<String, Long> byGroup() {
        Map<String, Long> totals = new LinkedHashMap<>();
        lastCpu.forEach((id, cpu) -> totals.merge(groupOfThread.get(id), cpu, Long::sum));
        return totals;
    }

    /**
     * Milliseconds of CPU since each thread started, per group and thread name (digits folded to {@code N}), so a
     * reader can check which threads each group holds.
     */
    synchronized Map<String, Long> millisByGroupAndName() {
        Map<String, Long> totals = new java.util.TreeMap<>();
        lastCpu.forEach((id, cpu) -> totals.merge(groupOfThread.get(id) + " / "
                + nameOfThread.get(id).replaceAll("\\d+", "N"), cpu / 1_000_000, Long::sum));
        return totals;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
