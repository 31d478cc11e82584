package io.lanyard.plugin.web;

import static io.lanyard.plugin.web.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginOptions;
import io.lanyard.core.login.LoginRedirect;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.plugin.session.SessionLogin;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginServletTest {

    private final LoginService loginService = mock(LoginService.class);
    private final ConfigurationHolder configuration = new ConfigurationHolder(new LanyardConfiguration(List.of(
            provider("corp", "Corporate <SSO>", true), provider("old", "Retired", false), provider("partner", "Partners", true))));
    private final LoginServlet servlet = LanyardWeb.create(loginService, configuration, mock(SessionLogin.class),
            LoginPage.SANDBOX, () -> URI.create("https://host.example.com"), PendingLoginSeal.inMemory()).loginServlet();
    private final FakeHttp.Response response = new FakeHttp.Response();

    @Test
    void chooserListsEnabledProvidersByEscapedNameWithTheirLinks() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/plugins/servlet/lanyard/login").parameter("return", "/pages/a?b=c");

        servlet.doGet(request.mock, response.mock);

        assertThat(response.body())
                .contains("Corporate &lt;SSO&gt;")
                .contains("<form class=\"providers aui\" method=\"get\" action=\"/plugins/servlet/lanyard/login\">")
                .contains("<input type=\"hidden\" name=\"return\" value=\"/pages/a?b=c\">")
                .contains("name=\"idp\" value=\"corp\"")
                .contains("name=\"idp\" value=\"partner\"")
                .contains("href=\"/login?lanyard_native=1\"")
                .contains("<meta name=\"viewport\"")
                .doesNotContain("Retired");
        verify(response.mock).setHeader("Cache-Control", "no-store");
        verifyNoInteractions(loginService);
    }

    @Test
    void withIdpStartsTheLoginThereWithTheReturnPath() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/plugins/servlet/lanyard/login")
                .parameter("idp", "partner").parameter("return", "/pages/x");
        URI authorization = URI.create("https://partner.example.com/authorize?state=s1");
        when(loginService.startLogin("partner", "/pages/x", LoginOptions.none()))
                .thenReturn(new LoginRedirect(Fixtures.pending("s1"), authorization));

        servlet.doGet(request.mock, response.mock);

        verify(response.mock).sendRedirect(authorization.toString());
        assertThat(response.loginCookies()).singleElement().asString().startsWith(PendingLoginCookies.nameFor("s1") + "=");
        assertThat(request.currentSession()).isNull();
    }
}
