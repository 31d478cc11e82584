package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.bearer.BasicAuthCheck;
import io.lanyard.core.bearer.BasicAuthOffFile;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.GroupMembership;
import io.lanyard.core.host.HostDirectory;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.LoginPage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.servlet.FilterChain;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Basic-auth filter: a managed account's password is answered 401 {@code WWW-Authenticate: Basic} with LNY-918
 * before the product sees it; Lanyard's admin pages and the login page never are; the pass-through allocates nothing.
 */
class BasicAuthFilterTest {

    private static final String ALICE = "Basic " + Base64.getEncoder().encodeToString(
            "alice:secret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path lanyardDirectory;

    /** alice carries the identity a provider bound her to; nobody else carries a mark. */
    private final AccountWrites marks = new AccountWrites() {
        @Override
        public List<HostDirectory> writableDirectories() {
            return List.of();
        }

        @Override
        public HostUser create(io.lanyard.core.host.NewAccount account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HostUser update(String username, io.lanyard.core.host.AccountChanges changes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> attribute(String username, String name) {
            return username.equals("alice") && name.equals(AccountWrites.IDENTITY_ATTRIBUTE)
                    ? Set.of("https://idp.example.com sub-1") : Set.of();
        }

        @Override
        public void setAttribute(String username, String name, Set<String> values) {
            throw new UnsupportedOperationException();
        }
    };

    private BasicAuthFilter filter(boolean refuse) {
        LanyardSettings settings = LanyardSettings.builder().refuseBasicAuth(refuse).build();
        GroupMembership noGroups = new GroupMembership() {
            @Override
            public boolean isSystemAdministrator(String username) {
                return false;
            }

            @Override
            public boolean isMember(String username, String group) {
                return false;
            }
        };
        return new BasicAuthFilter(new BasicAuthCheck(() -> settings, new BasicAuthOffFile(Optional.of(
                lanyardDirectory)), marks, noGroups, AuditSink.none(), Clock.systemUTC()), LoginPage.SANDBOX);
    }

    @Test
    void aManagedAccountsPasswordIsRefusedWithABasicChallengeBeforeTheProduct() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/rest/api/2/myself");
        when(request.mock.getHeader("Authorization")).thenReturn(ALICE);
        when(request.mock.getRemoteAddr()).thenReturn("203.0.113.7");
        FakeHttp.Response response = new FakeHttp.Response();
        ByteArrayOutputStream body = capture(response);
        boolean[] passed = {false};

        filter(true).doFilter(request.mock, response.mock, (req, res) -> passed[0] = true);

        assertThat(passed[0]).isFalse();
        verify(response.mock).setStatus(401);
        verify(response.mock).setHeader("WWW-Authenticate", "Basic realm=\"lanyard\", charset=\"UTF-8\"");
        assertThat(body.toString(StandardCharsets.UTF_8)).contains("\"code\":\"LNY-918\"")
                .contains("BASIC_AUTH_REFUSED").doesNotContain("secret");
    }

    @Test
    void offByDefaultAndOnLanyardsAdminPagesAndTheLoginPageTheRequestGoesOn() throws Exception {
        for (String path : List.of("/rest/api/2/myself")) {
            assertPasses(filter(false), path);
        }
        for (String path : List.of("/plugins/servlet/lanyard/admin", "/plugins/servlet/lanyard/admin/signin",
                LoginPage.SANDBOX.paths().get(0))) {
            assertPasses(filter(true), path);
        }
    }

    private static void assertPasses(BasicAuthFilter filter, String path) throws Exception {
        FakeHttp.Request request = FakeHttp.get(path);
        when(request.mock.getHeader("Authorization")).thenReturn(ALICE);
        when(request.mock.getRemoteAddr()).thenReturn("203.0.113.7");
        boolean[] passed = {false};
        filter.doFilter(request.mock, new FakeHttp.Response().mock, (req, res) -> passed[0] = true);
        assertThat(passed[0]).as(path).isTrue();
    }

    @Test
    void requestsWithoutBasicPassWithoutAllocating() throws Exception {
        BasicAuthFilter filter = filter(true);
        HttpServletRequest[] requests = {
            new AuthorizationOnlyRequest(null),
            new AuthorizationOnlyRequest("Bearer NDI0MjQyNDI0MjQyOjEyMzQ1Njc4OTAxMjM0NTY3ODkw"),
            new AuthorizationOnlyRequest(null), new AuthorizationOnlyRequest("Negotiate YIIC"),
        };
        int[] passed = {0};
        FilterChain chain = (req, res) -> passed[0]++;

        long allocated = FilterAllocations.bytesFor(filter, requests,
                FilterAllocations.unusable(HttpServletResponse.class), chain);

        assertThat(passed[0]).isEqualTo(FilterAllocations.WARM_UP + FilterAllocations.MEASURED);
        assertThat(allocated).as("bytes allocated for %d requests", FilterAllocations.MEASURED)
                .isLessThan(FilterAllocations.TOLERATED_BYTES);
    }

    private static ByteArrayOutputStream capture(FakeHttp.Response response) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(response.mock.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        });
        return body;
    }
}
