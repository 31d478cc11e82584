package io.lanyard.bench.filter;

import io.lanyard.bench.BenchConfiguration;
import io.lanyard.core.cluster.LocalClusterState;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.LogoutService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.core.audit.LoggingAuditSink;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.session.LanyardSession;
import io.lanyard.core.session.SessionRevocations;
import io.lanyard.plugin.session.NoRememberMe;
import io.lanyard.plugin.web.LanyardLogoutWeb;
import io.lanyard.plugin.web.LanyardWeb;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.servlet.Filter;
import javax.servlet.ServletException;
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
 * What the per-request revocation check ({@code SessionRevocationFilter}, issue 15) costs on the requests it lets
 * through, against a filter that only calls the chain: with 1,000 sessions revoked, so that both lookups run.
 *
 * <ul>
 *   <li>{@code restNoSession}: a REST call without a session;</li>
 *   <li>{@code otherSession}: a page of a session Lanyard did not log in (a native login);</li>
 *   <li>{@code lanyardSession}: a page of a session Lanyard logged in, not revoked, within its lifetime.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RevocationCheckBenchmark {

    @Param({"restNoSession", "otherSession", "lanyardSession"})
    public String scenario;

    private Filter revocationFilter;
    private Filter noOpFilter;
    private HttpServletRequest request;
    private HttpServletResponse response;
    private FilterPassThroughBenchmark.RecordingChain chain;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        URI base = URI.create("http://localhost:2990/jira");
        ConfigurationHolder configuration = new ConfigurationHolder(BenchConfiguration.oneProvider());
        LoginService loginService = LoginService.create(configuration, ClientSecretResolver.fileOnly(),
                new SandboxUserDirectory(), () -> base, clock);
        LanyardWeb web = LanyardWeb.create(loginService, configuration, new SeraphStyleSessionLogin(), LoginPage.JIRA,
                () -> base, PendingLoginSeal.inMemory());
        LocalClusterState cluster = new LocalClusterState(clock);
        SessionRevocations revocations = SessionRevocations.of(cluster, clock);
        for (int i = 0; i < 1_000; i++) {
            revocations.revokeSubject("https://idp.example.com", "someone-" + i);
        }
        revocationFilter = LanyardLogoutWeb.create(web, LogoutService.create(loginService, cluster, revocations,
                new LoggingAuditSink()), revocations, new NoRememberMe(), clock).sessionRevocationFilter();
        noOpFilter = new FilterPassThroughBenchmark.NoOpFilter();
        request = requestFor(scenario, clock);
        response = Unusable.of(HttpServletResponse.class);
        chain = new FilterPassThroughBenchmark.RecordingChain();
    }

    private static HttpServletRequest requestFor(String scenario, Clock clock) {
        switch (scenario) {
            case "restNoSession":
                return FilterPassThroughBenchmark.requestFor("restNoSession");
            case "otherSession":
                return FilterPassThroughBenchmark.requestFor("loggedInPage");
            case "lanyardSession":
                LanyardSession session = LanyardSession.of("idp1", "https://idp.example.com", "alice",
                        Optional.of("sid-alice"), clock.instant(), Optional.empty(), "header.payload.signature");
                return new StubRequest("GET", "/jira", "/jira/secure/Dashboard.jspa", "/secure/Dashboard.jspa", null,
                        Map.of(), new StubSession(Map.of(SeraphStyleSessionLogin.USER_ATTRIBUTE, "alice",
                                LanyardSession.ATTRIBUTE, session)));
            default:
                throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    @Benchmark
    public Object revocationCheck() throws IOException, ServletException {
        revocationFilter.doFilter(request, response, chain);
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
}
