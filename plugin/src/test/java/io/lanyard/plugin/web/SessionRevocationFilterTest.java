package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.lanyard.core.cluster.LocalClusterState;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginRedirect;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLogin;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.core.session.LanyardSession;
import io.lanyard.core.session.SessionRevocations;
import io.lanyard.plugin.session.RememberMe;
import io.lanyard.plugin.session.SessionLogin;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

class SessionRevocationFilterTest {

    private static final String ISSUER = "https://idp.example.com";
    private final Instant now = Instant.parse("2026-12-05T10:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final SessionRevocations revocations = SessionRevocations.of(new LocalClusterState(clock), clock);
    private final RememberMe rememberMe = mock(RememberMe.class);
    private final LoginService loginService = mock(LoginService.class);
    private final FilterChain chain = mock(FilterChain.class);
    private final FakeHttp.Response response = new FakeHttp.Response();

    private SessionRevocationFilter filter() {
        LanyardWeb web = LanyardWeb.create(loginService, new ConfigurationHolder(new LanyardConfiguration(List.of(
                Fixtures.provider("idp1", "Corporate", true)))), mock(SessionLogin.class), LoginPage.JIRA,
                () -> URI.create("https://host.example.com"), PendingLoginSeal.inMemory());
        return new SessionRevocationFilter(revocations, rememberMe, web.loginFilter(), clock);
    }

    private LanyardSession session(String subject, Optional<Instant> endsAt) {
        return LanyardSession.of("idp1", ISSUER, subject, Optional.of("sid-" + subject), now.minusSeconds(60), endsAt,
                "header.payload.signature");
    }

    private FakeHttp.Request requestOf(LanyardSession session, String path) {
        HttpSession host = FakeHttp.session();
        host.setAttribute(LanyardSession.ATTRIBUTE, session);
        return FakeHttp.get(path).withSession(host);
    }

    @Test
    void aRequestWithoutASessionPasses() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/browse/X");

        filter().doFilter(request.mock, response.mock, chain);

        verify(chain).doFilter(request.mock, response.mock);
    }

    @Test
    void aLanyardSessionNobodyRevokedPasses() throws Exception {
        revocations.revokeSubject(ISSUER, "bob");
        FakeHttp.Request request = requestOf(session("alice", Optional.empty()), "/browse/X");

        filter().doFilter(request.mock, response.mock, chain);

        verify(chain).doFilter(request.mock, response.mock);
    }

    @Test
    void aRevokedSessionsRestCallGets401WithItsCodeAndTheSessionAndRememberMeEnd() throws Exception {
        FakeHttp.Request request = requestOf(session("alice", Optional.empty()), "/rest/api/2/issue");
        when(request.mock.getHeader("Accept")).thenReturn("application/json");
        revocations.revokeSession(ISSUER, "sid-alice");

        filter().doFilter(request.mock, response.mock, chain);

        verify(chain, never()).doFilter(request.mock, response.mock);
        verify(response.mock).setStatus(401);
        assertThat(response.body()).contains("LNY-834");
        verify(request.currentSession()).invalidate();
        verify(rememberMe).forget(request.mock, response.mock);
    }

    @Test
    void aRevokedSessionsPageViewGoesToTheSamePageToLogInAgain() throws Exception {
        FakeHttp.Request request = requestOf(session("alice", Optional.empty()), "/browse/X");
        when(request.mock.getHeader("Sec-Fetch-Mode")).thenReturn("navigate");
        revocations.revokeSubject(ISSUER, "alice");

        filter().doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect("/browse/X");
    }

    @Test
    void aRevokedSessionsPageViewOfADoubtfulPathGoesToTheStartPage() throws Exception {
        FakeHttp.Request request = requestOf(session("alice", Optional.empty()), "//evil.example/x");
        when(request.mock.getHeader("Accept")).thenReturn("text/html");
        revocations.revokeSubject(ISSUER, "alice");

        filter().doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect("/");
    }

    @Test
    void aSessionLoggedInAfterTheRevocationPasses() throws Exception {
        revocations.revokeSubject(ISSUER, "alice");
        LanyardSession later = LanyardSession.of("idp1", ISSUER, "alice", Optional.empty(), now.plusSeconds(1),
                Optional.empty(), "t");
        FakeHttp.Request request = requestOf(later, "/browse/X");

        filter().doFilter(request.mock, response.mock, chain);

        verify(chain).doFilter(request.mock, response.mock);
    }

    @Test
    void aPageViewAtTheEndOfTheLifetimeIsRenewedSilentlyAtTheProvider() throws Exception {
        FakeHttp.Request request = requestOf(session("alice", Optional.of(now)), "/browse/X");
        when(request.mock.getHeader("Sec-Fetch-Mode")).thenReturn("navigate");
        PendingLogin pending = new PendingLogin("idp1", ISSUER, "state", "nonce", "verifier",
                URI.create("https://host.example.com/plugins/servlet/lanyard/callback/idp1"), "/browse/X",
                now.plus(Duration.ofMinutes(10)), true);
        when(loginService.startLogin(eq("idp1"), eq("/browse/X"), eq(true))).thenReturn(new LoginRedirect(pending,
                URI.create("https://idp.example.com/auth?prompt=none")));

        filter().doFilter(request.mock, response.mock, chain);

        verify(response.mock).sendRedirect("https://idp.example.com/auth?prompt=none");
        verify(request.currentSession()).invalidate();
    }

    @Test
    void anXhrAtTheEndOfTheLifetimeGets401AndIsNotRedirected() throws Exception {
        FakeHttp.Request request = requestOf(session("alice", Optional.of(now)), "/rest/api/2/issue");
        when(request.mock.getHeader("X-Requested-With")).thenReturn("XMLHttpRequest");

        filter().doFilter(request.mock, response.mock, chain);

        verify(response.mock).setStatus(401);
        verify(response.mock, never()).sendRedirect(anyString());
    }

    /** Runs on every request of the host: the common paths allocate nothing. */
    @Test
    void passingThroughAllocatesNothingPerRequest() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        revocations.revokeSubject(ISSUER, "bob"); // the map is not empty: both lookups run
        SessionRevocationFilter filter = filter();
        HttpServletRequest[] requests = {
            new StubRequest(null), new StubRequest(new StubSession(null)),
            new StubRequest(new StubSession(session("alice", Optional.empty())))};
        HttpServletResponse unused = unusable(HttpServletResponse.class);
        int[] passed = {0};
        FilterChain counting = (req, res) -> passed[0]++;
        for (int i = 0; i < 50_000; i++) {
            filter.doFilter(requests[i % 3], unused, counting);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 300_000; i++) {
            filter.doFilter(requests[i % 3], unused, counting);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;

        assertThat(passed[0]).isEqualTo(350_000);
        assertThat(allocated).as("bytes allocated for 300,000 requests").isLessThan(64 * 1024);
    }

    private static final class StubRequest extends HttpServletRequestWrapper {
        private final HttpSession session;

        StubRequest(HttpSession session) {
            super(unusable(HttpServletRequest.class));
            this.session = session;
        }

        @Override
        public HttpSession getSession(boolean create) {
            return session;
        }
    }

    private static final class StubSession implements HttpSession {
        private final Object lanyard;

        StubSession(Object lanyard) {
            this.lanyard = lanyard;
        }

        @Override
        public Object getAttribute(String name) {
            return LanyardSession.ATTRIBUTE.equals(name) ? lanyard : null;
        }

        // not called on the common path
        @Override public long getCreationTime() { throw new AssertionError(); }
        @Override public String getId() { throw new AssertionError(); }
        @Override public long getLastAccessedTime() { throw new AssertionError(); }
        @Override public javax.servlet.ServletContext getServletContext() { throw new AssertionError(); }
        @Override public void setMaxInactiveInterval(int interval) { throw new AssertionError(); }
        @Override public int getMaxInactiveInterval() { throw new AssertionError(); }
        @Override @Deprecated public javax.servlet.http.HttpSessionContext getSessionContext() { throw new AssertionError(); }
        @Override @Deprecated public Object getValue(String name) { throw new AssertionError(); }
        @Override public java.util.Enumeration<String> getAttributeNames() { throw new AssertionError(); }
        @Override @Deprecated public String[] getValueNames() { throw new AssertionError(); }
        @Override public void setAttribute(String name, Object value) { throw new AssertionError(); }
        @Override @Deprecated public void putValue(String name, Object value) { throw new AssertionError(); }
        @Override public void removeAttribute(String name) { throw new AssertionError(); }
        @Override @Deprecated public void removeValue(String name) { throw new AssertionError(); }
        @Override public void invalidate() { throw new AssertionError(); }
        @Override public boolean isNew() { throw new AssertionError(); }
    }

    private static <T> T unusable(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(SessionRevocationFilterTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, m, args) -> {
                    throw new AssertionError("the common path must not call " + m.getName());
                }));
    }
}
