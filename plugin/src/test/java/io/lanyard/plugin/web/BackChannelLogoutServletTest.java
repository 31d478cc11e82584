package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.login.LogoutService;
import org.junit.jupiter.api.Test;

/** Back-Channel Logout 1.0 §2.5 and §2.8 at the edge: a form POST; 200, or 400 with a JSON error; never cached. */
class BackChannelLogoutServletTest {

    private final LogoutService logouts = mock(LogoutService.class);
    private final BackChannelLogoutServlet servlet = new BackChannelLogoutServlet(logouts);
    private final FakeHttp.Response response = new FakeHttp.Response();

    private FakeHttp.Request post(String contentType) {
        FakeHttp.Request request = new FakeHttp.Request("POST", "", LanyardPaths.backChannelLogoutPath("idp1"))
                .parameter("logout_token", "a.b.c");
        when(request.mock.getContentType()).thenReturn(contentType);
        return request;
    }

    @Test
    void aValidTokenIsAnswered200WithoutCaching() throws Exception {
        servlet.doPost(post("application/x-www-form-urlencoded; charset=UTF-8").mock, response.mock);

        verify(logouts).backChannelLogout("idp1", "a.b.c");
        verify(response.mock).setStatus(200);
        verify(response.mock).setHeader("Cache-Control", "no-store");
    }

    @Test
    void aRefusedTokenIsAnswered400WithTheCodeInAJsonError() throws Exception {
        doThrow(new LoginFailedException(ErrorCode.LOGOUT_TOKEN_REPLAYED, "seen")).when(logouts)
                .backChannelLogout("idp1", "a.b.c");

        servlet.doPost(post("application/x-www-form-urlencoded").mock, response.mock);

        verify(response.mock).setStatus(400);
        verify(response.mock).setHeader("Cache-Control", "no-store");
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\"LNY-452 "
                + "LOGOUT_TOKEN_REPLAYED\"}");
    }

    @Test
    void aBodyThatIsNotAFormIsRefusedBeforeTheToken() throws Exception {
        servlet.doPost(post("application/json").mock, response.mock);

        verifyNoInteractions(logouts);
        verify(response.mock).setStatus(400);
        assertThat(response.body()).contains("LNY-831");
    }

    @Test
    void anUnreachableClusterIsAnswered503SoThatTheProviderRetries() throws Exception {
        doThrow(new LoginFailedException(ErrorCode.CLUSTER_UNAVAILABLE, "down")).when(logouts)
                .backChannelLogout("idp1", "a.b.c");

        servlet.doPost(post("application/x-www-form-urlencoded").mock, response.mock);

        verify(response.mock).setStatus(503);
        assertThat(response.body()).contains("temporarily_unavailable");
    }
}
