package io.lanyard.plugin.seraph;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.seraph.config.SecurityConfig;
import com.atlassian.seraph.config.SecurityConfigFactory;
import com.atlassian.seraph.service.rememberme.RememberMeService;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Seraph's remember-me service is the one of the product's Seraph configuration, as Atlassian's SSO reaches it. */
class SeraphRememberMeTest {

    private final RememberMeService service = mock(RememberMeService.class);
    private final SecurityConfig securityConfig = mock(SecurityConfig.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);

    @AfterEach
    void noConfiguration() {
        SecurityConfigFactory.setSecurityConfig(null);
    }

    @Test
    void forgettingRemovesTheCookieOfTheRememberMeServiceOfSeraphsConfiguration() {
        when(securityConfig.getRememberMeService()).thenReturn(service);
        SecurityConfigFactory.setSecurityConfig(securityConfig);

        new SeraphRememberMe().forget(request, response);

        verify(service).removeRememberMeCookie(request, response);
    }

    @Test
    void aProductWithoutSeraphConfigurationDoesNotStopTheLogout() {
        assertThatCode(() -> new SeraphRememberMe().forget(request, response)).doesNotThrowAnyException();
    }

    @Test
    void aConfigurationWithoutRememberMeDoesNotStopTheLogout() {
        SecurityConfigFactory.setSecurityConfig(securityConfig);

        assertThatCode(() -> new SeraphRememberMe().forget(request, response)).doesNotThrowAnyException();
    }

    @Test
    void aHostWithoutTheMethodDoesNotStopTheLogout() {
        when(securityConfig.getRememberMeService()).thenReturn(service);
        SecurityConfigFactory.setSecurityConfig(securityConfig);
        doThrow(new NoSuchMethodError("removeRememberMeCookie")).when(service).removeRememberMeCookie(request, response);

        assertThatCode(() -> new SeraphRememberMe().forget(request, response)).doesNotThrowAnyException();
    }
}
