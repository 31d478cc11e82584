package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.plugin.session.SessionLogin;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mix-up defence as a browser meets it, with the real core deciding (RFC 9700 §4.4.2): a login sent to one
 * provider that comes back to another provider's callback URL ends on the error page with {@code LNY-406}, before
 * any provider is asked anything, and nobody is logged in.
 */
class CallbackServletMixUpTest {

    private final Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    private final ConfigurationHolder configuration = new ConfigurationHolder(new LanyardConfiguration(List.of(
            Fixtures.provider("idp1", "First", true), Fixtures.provider("idp2", "Second", true))));
    private final UserDirectory users = mock(UserDirectory.class);
    private final SessionLogin sessionLogin = mock(SessionLogin.class);
    private final LoginService loginService = LoginService.create(configuration, ClientSecretResolver.fileOnly(),
            users, () -> URI.create("https://host.example.com"), clock);
    private final PendingLoginSeal seal = PendingLoginSeal.inMemory();
    private final CallbackServlet servlet = LanyardWeb.create(loginService, configuration, sessionLogin,
            LoginPage.SANDBOX, () -> URI.create("https://host.example.com"), seal).callbackServlet();

    @Test
    void loginSentToOneProviderBackAtAnothersCallbackShowsCallbackIdpMismatch() throws Exception {
        FakeHttp.Request request = new FakeHttp.Request("GET", "/ctx", "/plugins/servlet/lanyard/callback/idp2")
                .parameter("state", "s1").parameter("code", "c").parameter("iss", "https://idp2.example.com")
                .cookie(PendingLoginCookies.nameFor("s1"), seal.seal(Fixtures.pending("s1"))); // sent to idp1
        FakeHttp.Response response = new FakeHttp.Response();

        servlet.doGet(request.mock, response.mock);

        assertThat(response.body()).contains("LNY-406");
        verify(response.mock).setStatus(400);
        verify(request.mock, never()).changeSessionId();
        verify(response.mock, never()).sendRedirect(any());
        verifyNoInteractions(sessionLogin, users);
    }
}
