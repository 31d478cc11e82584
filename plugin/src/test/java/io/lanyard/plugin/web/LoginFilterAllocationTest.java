package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.plugin.session.SessionLogin;
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


    @Test
    void passingThroughOtherPathsAllocatesNothingPerRequest() throws Exception {
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
        assertPassesWithoutAllocating(filter, requests);
    }

    @Test
    void theEmergencyAccessFilterPassesEverythingButAFormPostWithoutAllocating() throws Exception {
        io.lanyard.core.config.change.SettingsService settings =
                new io.lanyard.core.config.change.SettingsService(java.util.Optional.empty());
        EmergencyAccessFilter filter = EmergencyAccessFilter.create(LoginPage.JIRA, settings,
                new io.lanyard.core.signin.EmergencyAccessPolicy(
                        new io.lanyard.core.signin.EmergencyAccessFile(java.util.Optional.empty()),
                        FilterAllocations.unusable(io.lanyard.core.host.GroupMembership.class),
                        java.time.Clock.systemUTC()),
                FilterAllocations.unusable(io.lanyard.plugin.session.AdminAccess.class), event -> {
                    throw new AssertionError("audited " + event);
                }, java.time.Clock.systemUTC());
        HttpServletRequest[] requests = {
            new StubRequest("GET", "/login.jsp", null),
            new StubRequest("GET", "/s", "/abc/_/download/batch/app.css"),
            new StubRequest("POST", "", "/rest/api/2/issue"),
            new StubRequest("POST", "/scm", "/project/repo.git/git-receive-pack"),
        };

        assertPassesWithoutAllocating(filter, requests);
    }

    /** Passes the four requests round and round: after warming up, they must pass without allocating. */
    private static void assertPassesWithoutAllocating(javax.servlet.Filter filter, HttpServletRequest[] requests)
            throws Exception {
        HttpServletResponse response = FilterAllocations.unusable(HttpServletResponse.class);
        int[] passed = {0};
        FilterChain chain = (req, res) -> passed[0]++;

        long allocated = FilterAllocations.bytesFor(filter, requests, response, chain);

        assertThat(passed[0]).isEqualTo(FilterAllocations.WARM_UP + FilterAllocations.MEASURED);
        assertThat(allocated).as("bytes allocated for %d requests", FilterAllocations.MEASURED)
                .isLessThan(FilterAllocations.TOLERATED_BYTES);
    }

    /** Answers the few calls the filter may make on its common path without allocating; anything else fails. */
    private static final class StubRequest extends HttpServletRequestWrapper {
        private final String method;
        private final String servletPath;
        private final String pathInfo;

        StubRequest(String method, String servletPath, String pathInfo) {
            super(FilterAllocations.unusable(HttpServletRequest.class));
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

}
