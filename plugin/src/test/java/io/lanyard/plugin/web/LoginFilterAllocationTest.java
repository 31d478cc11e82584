package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.mockito.Mockito.mock;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.plugin.session.SessionLogin;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/**
 * The filter runs on every request of the host: passing a request that is not the login page must not allocate.
 * Measured with the JVM's per-thread allocation counter on hand-written request stubs (mocks allocate by themselves).
 */
class LoginFilterAllocationTest {

    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 200_000;
    /** Far below one small object per request (≥ 16 bytes × 200,000); leaves room for the counter's own noise. */
    private static final long TOLERATED_BYTES = 64 * 1024;

    @Test
    void passingThroughOtherPathsAllocatesNothingPerRequest() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        LoginFilter filter = LanyardWeb.create(mock(LoginService.class),
                new ConfigurationHolder(new LanyardConfiguration(List.of(Fixtures.provider("idp1", "Corporate", true)))),
                mock(SessionLogin.class), LoginPage.JIRA, () -> URI.create("https://host.example.com"),
                PendingLoginSeal.inMemory()).loginFilter();
        HttpServletRequest[] requests = {
            new StubRequest("GET", "/secure/Dashboard.jspa", null),
            new StubRequest("GET", "/s", "/abc/_/download/batch/app.css"),
            new StubRequest("GET", "", "/rest/api/2/issue"), // a servlet mapped at "/*": all of it is path info
            new StubRequest("POST", "/login.jsp", null),
        };
        HttpServletResponse response = unusable(HttpServletResponse.class);
        int[] passed = {0};
        FilterChain chain = (req, res) -> passed[0]++;

        for (int i = 0; i < WARM_UP; i++) {
            filter.doFilter(requests[i & 3], response, chain);
        }
        long threadId = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < MEASURED; i++) {
            filter.doFilter(requests[i & 3], response, chain);
        }
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertThat(passed[0]).isEqualTo(WARM_UP + MEASURED);
        assertThat(allocated).as("bytes allocated for %d requests", MEASURED).isLessThan(TOLERATED_BYTES);
    }

    /** Answers the few calls the filter may make on its common path without allocating; anything else fails. */
    private static final class StubRequest extends HttpServletRequestWrapper {
        private final String method;
        private final String servletPath;
        private final String pathInfo;

        StubRequest(String method, String servletPath, String pathInfo) {
            super(unusable(HttpServletRequest.class));
            this.method = method;
            this.servletPath = servletPath;
            this.pathInfo = pathInfo;
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getServletPath() {
            return servletPath;
        }

        @Override
        public String getPathInfo() {
            return pathInfo;
        }
    }

    private static <T> T unusable(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(LoginFilterAllocationTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, m, args) -> {
                    throw new AssertionError("the filter's common path must not call " + m.getName());
                }));
    }
}
