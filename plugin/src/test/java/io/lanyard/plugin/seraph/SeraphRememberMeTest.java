package io.lanyard.plugin.seraph;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.atlassian.seraph.service.rememberme.RememberMeService;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class SeraphRememberMeTest {

    private final RememberMeService service = mock(RememberMeService.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);

    @Test
    void forgettingRemovesSeraphsCookie() {
        new SeraphRememberMe(service).forget(request, response);

        verify(service).removeRememberMeCookie(request, response);
    }

    @Test
    void anUnavailableServiceDoesNotStopTheLogout() {
        doThrow(new IllegalStateException("service unavailable")).when(service).removeRememberMeCookie(request, response);

        assertThatCode(() -> new SeraphRememberMe(service).forget(request, response)).doesNotThrowAnyException();
    }

    @Test
    void aHostWithoutTheMethodDoesNotStopTheLogout() {
        doThrow(new NoSuchMethodError("removeRememberMeCookie")).when(service).removeRememberMeCookie(request, response);

        assertThatCode(() -> new SeraphRememberMe(service).forget(request, response)).doesNotThrowAnyException();
    }
}
