package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.SignInPolicy;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginOptions;
import io.lanyard.core.login.LoginRedirect;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.plugin.session.SessionLogin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.servlet.FilterChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sign-in experience at the edge: the chooser (order, logos, e-mail routing, remember my choice), the direct
 * links, the remembered choice on the product's login page, "SSO alongside the form", and the loop breaker.
 */
class SignInPagesTest {

    private static final URI AUTHORIZATION = URI.create("https://idp.example.com/authorize?state=s1");

    @TempDir
    Path home;

    private final LoginService loginService = mock(LoginService.class);
    private final SessionLogin sessionLogin = mock(SessionLogin.class);
    private final FilterChain chain = mock(FilterChain.class);
    private final FakeHttp.Response response = new FakeHttp.Response();
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private SettingsService settings;
    private LanyardWeb web;

    private static IdentityProviderConfig provider(String id, String name, int order, String logo,
            List<String> domains) {
        var builder = IdentityProviderConfig.builder().id(id).displayName(name)
                .discoveryUrl("https://" + id + ".example.com/.well-known/openid-configuration").clientId("jira");
        builder.signIn().order(order).logoUrl(logo).emailDomains(domains);
        return builder.build();
    }

    @BeforeEach
    void wire() {
        settings = new SettingsService(Optional.of(home));
        ConfigurationHolder configuration = new ConfigurationHolder(new LanyardConfiguration(List.of(
                provider("corp", "Corporate", 20, null, List.of("example.com", "*.example.com")),
                provider("contractors", "Contractors <ext>", 10, "https://cdn.example.com/c.png?a=1&b=2",
                        List.of("contractors.example.org")))));
        web = LanyardWeb.create(loginService, configuration, sessionLogin, LoginPage.JIRA,
                () -> URI.create("https://host.example.com"), PendingLoginSeal.inMemory(), settings, clock);
        when(loginService.startLogin(anyString(), any(), any())).thenReturn(new LoginRedirect(Fixtures.pending("s1"),
                AUTHORIZATION));
    }

    private void chooser(FakeHttp.Request request) throws Exception {
        web.loginServlet().doGet(request.mock, response.mock);
    }

    // --- the chooser ---

    @Test
    void theChooserShowsTheProvidersInTheirOrderWithEscapedLogosAndAnEmailField() throws Exception {
        chooser(FakeHttp.get("/plugins/servlet/lanyard/login"));

        String body = response.body();
        assertThat(body.indexOf("Contractors &lt;ext&gt;")).isPositive().isLessThan(body.indexOf("Corporate"));
        assertThat(body).contains("<img alt=\"\" src=\"https://cdn.example.com/c.png?a=1&amp;b=2\">")
                .contains("id=\"chooser-email\"").contains("id=\"chooser-remember\"");
    }

    @Test
    void withoutEmailDomainsOrRememberingThereIsNeitherField() throws Exception {
        settings.change(s -> s.toBuilder().rememberChoice(java.time.Duration.ZERO).build());
        ConfigurationHolder plain = new ConfigurationHolder(new LanyardConfiguration(List.of(
                provider("a", "A", 1, null, List.of()), provider("b", "B", 2, null, List.of()))));
        LanyardWeb.create(loginService, plain, sessionLogin, LoginPage.JIRA, () -> URI.create("https://host.example.com"),
                PendingLoginSeal.inMemory(), settings, clock).loginServlet()
                .doGet(FakeHttp.get("/plugins/servlet/lanyard/login").mock, response.mock);

        assertThat(response.body()).doesNotContain("chooser-email").doesNotContain("chooser-remember");
    }

    @Test
    void anEmailAddressStartsTheLoginAtItsDomainsProviderWithTheHints() throws Exception {
        chooser(FakeHttp.get("/plugins/servlet/lanyard/login").parameter("email", "Bob@Contractors.Example.org")
                .parameter("return", "/browse/X-1?focus=1"));

        verify(loginService).startLogin("contractors", "/browse/X-1?focus=1",
                LoginOptions.hinted("Bob@Contractors.Example.org", "contractors.example.org"));
        verify(response.mock).sendRedirect(AUTHORIZATION.toString());
    }

    @Test
    void anAddressOfNoKnownDomainShowsTheChooserAgainWithTheReason() throws Exception {
        chooser(FakeHttp.get("/plugins/servlet/lanyard/login").parameter("email", "x@elsewhere.net"));

        verify(response.mock).setStatus(404);
        assertThat(response.body()).contains("id=\"chooser-problem\"").contains("value=\"x@elsewhere.net\"");
        verify(loginService, never()).startLogin(anyString(), any(), any());
    }

    @Test
    void anUnknownDomainGoesToTheDefaultProviderWhenOneIsSet() throws Exception {
        settings.change(s -> s.toBuilder().defaultProvider("corp").build());

        chooser(FakeHttp.get("/plugins/servlet/lanyard/login").parameter("email", "x@elsewhere.net"));

        verify(loginService).startLogin("corp", null, LoginOptions.hinted("x@elsewhere.net", "elsewhere.net"));
    }

    @Test
    void somethingThatIsNotAnAddressIsRefusedOnTheChooserEscaped() throws Exception {
        chooser(FakeHttp.get("/plugins/servlet/lanyard/login").parameter("email", "\"><script>alert(1)</script>"));

        verify(response.mock).setStatus(400);
        assertThat(response.body()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    // --- direct links and remembering ---

    @Test
    void aDirectLinkStartsTheLoginThereWithTheProductsDestination() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/plugins/servlet/lanyard/login/corp")
                .resolvedAs("/plugins/servlet/lanyard/login", "/corp").parameter("os_destination", "/browse/X-1");

        chooser(request);

        verify(loginService).startLogin("corp", "/browse/X-1", LoginOptions.none());
    }

    @Test
    void rememberMyChoiceSetsACookieTheLoginPageThenFollows() throws Exception {
        chooser(FakeHttp.get("/plugins/servlet/lanyard/login").parameter("idp", "contractors").parameter("remember", "1"));

        assertThat(response.cookie(SignInCookies.CHOICE)).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("lanyard_choice=contractors; Max-Age=" + 90 * 24 * 3600 + "; Path=/; Secure; HttpOnly"));

        FakeHttp.Request loginPage = FakeHttp.get("/login.jsp").cookie(SignInCookies.CHOICE, "contractors");
        web.loginFilter().doFilter(loginPage.mock, new FakeHttp.Response().mock, chain);
        verify(loginService, org.mockito.Mockito.times(2)).startLogin("contractors", null, LoginOptions.none());
    }

    @Test
    void aRememberedProviderThatIsNoLongerEnabledLeadsToTheChooser() throws Exception {
        FakeHttp.Request loginPage = FakeHttp.get("/login.jsp").cookie(SignInCookies.CHOICE, "gone");

        web.loginFilter().doFilter(loginPage.mock, response.mock, chain);

        verify(response.mock).sendRedirect("/plugins/servlet/lanyard/login");
        verifyNoInteractions(loginService);
    }

    // --- SSO alongside the product's form ---

    @Test
    void alongsideTheFormTheLoginPageStaysAndGetsASignInLinkPerProvider() throws Exception {
        settings.change(s -> s.toBuilder().loginPage(SignInPolicy.LoginPageMode.ALONGSIDE_FORM).build());
        FakeHttp.Request loginPage = FakeHttp.get("/login.jsp");

        web.loginFilter().doFilter(loginPage.mock, response.mock, chain);

        verify(chain).doFilter(loginPage.mock, response.mock);
        verifyNoInteractions(loginService);
        assertThat(web.loginFormButtons("/jira", "/browse/X-1"))
                .contains("href=\"/jira/plugins/servlet/lanyard/login/contractors?return=%2Fbrowse%2FX-1\"")
                .contains("Sign in with Contractors &lt;ext&gt;").contains("Sign in with Corporate");
    }

    @Test
    void redirectingTheLoginPageDrawsNoButtonsOnTheForm() {
        assertThat(web.loginFormButtons("", null)).isEmpty();
    }

    // --- the logged-out page ---

    @Test
    void theLoggedOutPageSaysSoAndOffersToSignInAgainWithoutASession() throws Exception {
        FakeHttp.Request request = new FakeHttp.Request("GET", "/jira", "/plugins/servlet/lanyard/logged-out");

        web.loggedOutServlet().doGet(request.mock, response.mock);

        assertThat(response.body()).contains("You are signed out").contains("href=\"/jira/login.jsp\"")
                .contains("<meta name=\"viewport\"");
        verify(response.mock).setHeader("Cache-Control", "no-store");
        assertThat(request.currentSession()).isNull();
        verifyNoInteractions(loginService);
    }

    // --- the loop breaker ---

    @Test
    void eachStartCountsAndABrowserInALoopGetsAPageInsteadOfAnotherRound() throws Exception {
        String count = "4." + clock.instant().minusSeconds(10).getEpochSecond();
        FakeHttp.Request fifth = FakeHttp.get("/plugins/servlet/lanyard/login").parameter("idp", "corp")
                .cookie(SignInCookies.LOOP, count);
        chooser(fifth);
        verify(loginService).startLogin("corp", null, LoginOptions.none());
        assertThat(response.cookie(SignInCookies.LOOP)).hasValueSatisfying(
                cookie -> assertThat(cookie).startsWith("lanyard_loop=5."));

        FakeHttp.Response sixthResponse = new FakeHttp.Response();
        FakeHttp.Request sixth = FakeHttp.get("/plugins/servlet/lanyard/login").parameter("idp", "corp")
                .cookie(SignInCookies.LOOP, "5." + clock.instant().minusSeconds(10).getEpochSecond());
        web.loginServlet().doGet(sixth.mock, sixthResponse.mock);

        verify(sixthResponse.mock).setStatus(429);
        verify(sixthResponse.mock, never()).sendRedirect(anyString());
        assertThat(sixthResponse.body()).contains("LNY-800").contains("lanyard_native=1");
        verify(loginService).startLogin("corp", null, LoginOptions.none()); // still only the fifth
    }

    @Test
    void theLoopPageShowsTheLastFailureTheBrowserSaw() throws Exception {
        FakeHttp.Request looping = FakeHttp.get("/plugins/servlet/lanyard/login").parameter("idp", "corp")
                .cookie(SignInCookies.LOOP, "5." + clock.instant().minusSeconds(10).getEpochSecond() + ".LNY-402");

        web.loginServlet().doGet(looping.mock, response.mock);

        assertThat(response.body()).contains("<dd class=\"code\">LNY-800</dd>")
                .contains("<dd class=\"last-code\">LNY-402</dd>");
    }

    @Test
    void aFailedCallbackIsRememberedWithTheCountAndNotWithoutOne() throws Exception {
        String count = "2." + clock.instant().minusSeconds(10).getEpochSecond();
        FakeHttp.Request callback = FakeHttp.get("/plugins/servlet/lanyard/callback/corp")
                .cookie(SignInCookies.LOOP, count);

        web.callbackServlet().doGet(callback.mock, response.mock); // no state: LNY-400

        assertThat(response.body()).contains("LNY-400").doesNotContain("last-code");
        assertThat(response.cookie(SignInCookies.LOOP)).hasValueSatisfying(
                cookie -> assertThat(cookie).startsWith("lanyard_loop=" + count + ".LNY-400;"));

        FakeHttp.Response fresh = new FakeHttp.Response();
        web.callbackServlet().doGet(FakeHttp.get("/plugins/servlet/lanyard/callback/corp").mock, fresh.mock);
        assertThat(fresh.cookie(SignInCookies.LOOP)).isEmpty();
    }
}
