package io.lanyard.bench.filter;

import io.lanyard.bench.BenchConfiguration;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.plugin.web.LanyardWeb;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What Lanyard's login filter costs on the requests it lets through, against a filter that only calls the chain.
 * Jira's login page ({@code /login.jsp}) in a non-root context ({@code /jira}), the case where a container derives
 * the context path from the URI; one enabled provider, so a login page view would start a login.
 *
 * <ul>
 *   <li>{@code loggedInPage}: GET of a page by a browser with a logged-in session;</li>
 *   <li>{@code staticResource}: GET of a batched CSS resource;</li>
 *   <li>{@code restNoSession}: GET of a REST resource without a session (a script with a token or basic auth);</li>
 *   <li>{@code loginPageLoggedIn}: GET of the login page by a browser that is already logged in: the one
 *       pass-through that reads a parameter and the session.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterPassThroughBenchmark {

    @Param({"loggedInPage", "staticResource", "restNoSession", "loginPageLoggedIn"})
    public String scenario;

    private Filter lanyardFilter;
    private Filter noOpFilter;
    private HttpServletRequest request;
    private HttpServletResponse response;
    private RecordingChain chain;

    @Setup
    public void setUp() {
        ConfigurationHolder configuration = new ConfigurationHolder(BenchConfiguration.oneProvider());
        LoginService loginService = LoginService.create(configuration, ClientSecretResolver.fileOnly(),
                new SandboxUserDirectory(), () -> URI.create("http://localhost:2990/jira"), Clock.systemUTC());
        lanyardFilter = LanyardWeb.create(loginService, configuration, new SeraphStyleSessionLogin(), LoginPage.JIRA,
                () -> URI.create("http://localhost:2990/jira"), PendingLoginSeal.inMemory()).loginFilter();
        noOpFilter = new NoOpFilter();
        request = requestFor(scenario);
        response = Unusable.of(HttpServletResponse.class);
        chain = new RecordingChain();
    }

    static HttpServletRequest requestFor(String scenario) {
        StubSession loggedIn = new StubSession(Map.of(SeraphStyleSessionLogin.USER_ATTRIBUTE, "alice"));
        switch (scenario) {
            case "loggedInPage":
                return new StubRequest("GET", "/jira", "/jira/secure/Dashboard.jspa", "/secure/Dashboard.jspa", null,
                        Map.of(), loggedIn);
            case "staticResource":
                String resource = "/s/d41d8cd98f00b204e9800998ecf8427e-CDN/-1w3p3x/940003/"
                        + "_/download/contextbatch/css/_super/batch.css";
                return new StubRequest("GET", "/jira", "/jira" + resource, "/s", resource.substring(2), Map.of(), null);
            case "restNoSession":
                return new StubRequest("GET", "/jira", "/jira/rest/api/2/issue/PROJ-123", "/rest", "/api/2/issue/PROJ-123",
                        Map.of("fields", "summary"), null);
            case "loginPageLoggedIn":
                return new StubRequest("GET", "/jira", "/jira/login.jsp", "/login.jsp", null,
                        Map.of("os_destination", "/browse/PROJ-1"), loggedIn);
            default:
                throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    @Benchmark
    public Object lanyardLoginFilter() throws IOException, ServletException {
        lanyardFilter.doFilter(request, response, chain);
        return chain.last;
    }

    @Benchmark
    public Object noOpFilter() throws IOException, ServletException {
        noOpFilter.doFilter(request, response, chain);
        return chain.last;
    }

    @TearDown
    public void everyRequestPassedThrough() {
        if (chain.passed == 0 || chain.last != request) {
            throw new IllegalStateException("the filter did not pass the " + scenario + " request to the chain");
        }
    }

    /** The baseline: what any filter costs at least. */
    static final class NoOpFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            chain.doFilter(request, response);
        }
    }

    /** The rest of the host's filter chain, reduced to remembering that it was reached. */
    static final class RecordingChain implements FilterChain {
        ServletRequest last;
        long passed;

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) {
            last = request;
            passed++;
        }
    }
}
