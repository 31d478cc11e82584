package io.lanyard.plugin.web;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * How the filter tests measure that a filter allocates nothing per request: the JVM's per-thread allocation counter
 * over many requests on hand-written stubs (mocks allocate by themselves), after a warm-up.
 */
final class FilterAllocations {

    static final int WARM_UP = 50_000;
    static final int MEASURED = 200_000;
    /** Far below one small object per request (≥ 16 bytes × 200,000); leaves room for the counter's own noise. */
    static final long TOLERATED_BYTES = 64 * 1024;

    private FilterAllocations() {
    }

    /** The bytes this thread allocated for {@link #MEASURED} requests, the four {@code requests} in turn. */
    static long bytesFor(Filter filter, HttpServletRequest[] requests, HttpServletResponse response, FilterChain chain)
            throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        for (int i = 0; i < WARM_UP; i++) {
            filter.doFilter(requests[i & 3], response, chain);
        }
        long threadId = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < MEASURED; i++) {
            filter.doFilter(requests[i & 3], response, chain);
        }
        return threads.getThreadAllocatedBytes(threadId) - before;
    }

    /** A stand-in whose every method fails: the filter's common path must not call it. */
    static <T> T unusable(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(FilterAllocations.class.getClassLoader(), new Class<?>[] {type},
                (proxy, m, args) -> {
                    throw new AssertionError("the filter's common path must not call " + m.getName());
                }));
    }
}
