package io.lanyard.bitbucket;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.atlassian.bitbucket.auth.RememberMeService;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/** Bitbucket's remember-me cookie goes through its own service at every logout; a missing service never stops one. */
class BitbucketRememberMeTest {

    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);

    @Test
    void theCookieAndItsTokensGoThroughBitbucketsRememberMeService() {
        RememberMeService service = mock(RememberMeService.class);

        new BitbucketRememberMe(service).forget(request, response);

        verify(service).logout(request, response);
    }

    @Test
    void aServiceThatIsMissingOrFailsLeavesTheLogoutGoingOn() {
        RememberMeService failing = mock(RememberMeService.class);
        doThrow(new IllegalStateException("service unavailable")).when(failing).logout(request, response);

        assertThatCode(() -> new BitbucketRememberMe(failing).forget(request, response)).doesNotThrowAnyException();
        assertThatCode(() -> new BitbucketRememberMe(null).forget(request, response)).doesNotThrowAnyException();
    }
}
