package io.lanyard.plugin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.plugin.session.SessionLogin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.servlet.FilterChain;
import javax.servlet.ServletContext;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanyardPluginTest {

    @TempDir
    Path home;

    private LanyardPlugin plugin(io.lanyard.core.host.HomeDirectory directory) {
        return new LanyardPlugin(HostProduct.of("jira", "10.3.1"), directory, () -> URI.create("https://jira.example.com"),
                mock(UserDirectory.class), mock(SessionLogin.class), LoginPage.JIRA);
    }

    @Test
    void startsWithTheProvidersOfItsFolder() throws Exception {
        Files.createDirectories(home.resolve("lanyard"));
        Files.writeString(home.resolve("lanyard/provider.xml"), StartupConfigurationTest.ONE_PROVIDER);

        LanyardPlugin plugin = plugin(() -> home.resolve("lanyard"));

        assertThat(plugin.configuration().current().enabledIdentityProviders()).hasSize(1);
        assertThat(plugin.lanyardDirectory()).get()
                .extracting(directory -> IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory).file())
                .isEqualTo(home.resolve("lanyard/provider.xml").toAbsolutePath());
    }

    @Test
    void startsWithEverythingTheDescriptorNeedsEvenWithoutAHome() throws Exception {
        LanyardPlugin plugin = plugin(() -> {
            throw new IllegalStateException("no home");
        });

        assertThat(plugin.configuration().current().identityProviders()).isEmpty();
        assertThat(plugin.lanyardDirectory()).isEmpty();
        assertThat(plugin.configurationService()).isEmpty();
        // Each part the descriptor names works: the filter lets the product's own login through (no provider), the
        // login servlet and the core refuse an unknown provider, and so does the callback (before it looks for a state).
        assertLoginPagePassesToTheProduct(plugin);
        assertThat(page(plugin.loginServlet(), get("/plugins/servlet/lanyard/login").parameter("idp", "Unknown")))
                .contains("LNY-103");
        assertThat(page(plugin.callbackServlet(), get("/plugins/servlet/lanyard/callback/Unknown").parameter("code", "c")))
                .contains("LNY-103");
        assertThatThrownBy(() -> plugin.loginService().startLogin("Unknown", null))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.IDP_UNKNOWN));
    }

    @Test
    void startsWhenTheProductCannotSayWhatItIs() throws Exception {
        LanyardPlugin plugin = new LanyardPlugin(new HostProduct() {
            @Override
            public String platformId() {
                throw new IllegalStateException("SAL unavailable");
            }

            @Override
            public String version() {
                return "?";
            }
        }, () -> home, () -> URI.create("https://x.example.com"), mock(UserDirectory.class), mock(SessionLogin.class),
                LoginPage.BAMBOO);

        assertThat(plugin.lanyardDirectory()).get()
                .extracting(directory -> IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory).file())
                .isEqualTo(home.resolve("provider.xml").toAbsolutePath());
        assertLoginPagePassesToTheProduct(plugin, "/userlogin!doDefault.action");
    }

    private static void assertLoginPagePassesToTheProduct(LanyardPlugin plugin) throws Exception {
        assertLoginPagePassesToTheProduct(plugin, "/login.jsp");
    }

    private static void assertLoginPagePassesToTheProduct(LanyardPlugin plugin, String loginPage) throws Exception {
        FilterChain chain = mock(FilterChain.class);
        HttpServletRequest request = get(loginPage).request;
        HttpServletResponse response = mock(HttpServletResponse.class);

        plugin.loginFilter().doFilter(request, response, chain);

        verify(chain).doFilter(request, response);
        verifyNoInteractions(response);
    }

    /** The HTML a servlet answers to a GET. */
    private static String page(HttpServlet servlet, Get get) throws Exception {
        HttpServletResponse response = mock(HttpServletResponse.class);
        StringWriter body = new StringWriter();
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        servlet.service(get.request, response);
        return body.toString();
    }

    private static Get get(String path) {
        return new Get(path);
    }

    /** A GET of {@code path} (no context path) with parameters and a session that holds nothing. */
    private static final class Get {
        final HttpServletRequest request = mock(HttpServletRequest.class);
        private final Map<String, String> parameters = new HashMap<>();

        Get(String path) {
            HttpSession session = mock(HttpSession.class);
            ServletContext context = mock(ServletContext.class);
            lenient().when(context.getContextPath()).thenReturn("");
            lenient().when(request.getServletContext()).thenReturn(context);
            lenient().when(request.getMethod()).thenReturn("GET");
            lenient().when(request.getContextPath()).thenReturn("");
            lenient().when(request.getRequestURI()).thenReturn(path);
            lenient().when(request.getServletPath()).thenReturn(path);
            // at the base URL of the plugin the test starts, https://jira.example.com
            lenient().when(request.getScheme()).thenReturn("https");
            lenient().when(request.getServerName()).thenReturn("jira.example.com");
            lenient().when(request.getServerPort()).thenReturn(443);
            lenient().when(request.getSession(anyBoolean())).thenReturn(session);
            lenient().when(request.getSession()).thenReturn(session);
            lenient().when(request.getParameter(anyString())).thenAnswer(call -> parameters.get(call.<String>getArgument(0)));
        }

        Get parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }
    }

    @Test
    void loginPagesAreKnownBySalPlatformId() {
        assertThat(LoginPages.forPlatform("jira")).isEqualTo(LoginPage.JIRA);
        assertThat(LoginPages.forPlatform("conf")).isEqualTo(LoginPage.CONFLUENCE);
        assertThat(LoginPages.forPlatform("bitbucket")).isEqualTo(LoginPage.BITBUCKET);
        assertThat(LoginPages.forPlatform("BAMBOO")).isEqualTo(LoginPage.BAMBOO);
        assertThatThrownBy(() -> LoginPages.forPlatform("fisheye")).isInstanceOf(IllegalArgumentException.class);
    }
}
