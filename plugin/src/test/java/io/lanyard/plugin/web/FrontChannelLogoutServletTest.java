package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.login.LogoutService;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Front-Channel Logout 1.0 at the edge: framable by the provider only, never cached, its failures with their codes. */
class FrontChannelLogoutServletTest {

    private final LogoutService logouts = mock(LogoutService.class);
    private final FrontChannelLogoutServlet servlet = new FrontChannelLogoutServlet(logouts);
    private final FakeHttp.Response response = new FakeHttp.Response();

    @Test
    void endsTheSessionsOfTheSidAndMayBeFramedByTheProviderOnly() throws Exception {
        when(logouts.frameAncestors("idp1")).thenReturn(Set.of("https://login.microsoftonline.com"));
        FakeHttp.Request request = FakeHttp.get(LanyardPaths.frontChannelLogoutPath("idp1")).parameter("sid", "s-1");

        servlet.doGet(request.mock, response.mock);

        verify(logouts).frontChannelLogout("idp1", Optional.empty(), Optional.of("s-1"));
        verify(response.mock).setHeader("Content-Security-Policy",
                "frame-ancestors 'self' https://login.microsoftonline.com");
        verify(response.mock).setHeader("Cache-Control", "no-store");
        assertThat(response.body()).contains("Signed out");
    }

    @Test
    void aRequestTheCoreRefusesIsAnsweredWithItsCode() throws Exception {
        doThrow(new LoginFailedException(ErrorCode.LOGOUT_REQUEST_INVALID, "no sid")).when(logouts)
                .frontChannelLogout("idp1", Optional.empty(), Optional.empty());

        servlet.doGet(FakeHttp.get(LanyardPaths.frontChannelLogoutPath("idp1")).mock, response.mock);

        verify(response.mock).setStatus(400);
        assertThat(response.body()).contains("LNY-831");
    }
}
