package io.lanyard.plugin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.lanyard.core.host.HostProduct;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.plugin.session.AdminAccess;
import io.lanyard.plugin.session.SessionLogin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentMatchers;

class LanyardAdministrationTest {

    @TempDir
    Path home;

    private LanyardPlugin plugin(io.lanyard.core.host.HomeDirectory directory) {
        return new LanyardPlugin(HostProduct.of("jira", "10.3.1"), directory, () -> URI.create("https://jira.example.com"),
                mock(UserDirectory.class), mock(SessionLogin.class), LoginPage.JIRA);
    }

    @Test
    void withAHomeTheServletsAreTheAdminPagesAndApi() throws Exception {
        Files.createDirectories(home.resolve("lanyard"));
        LanyardAdministration administration = new LanyardAdministration(plugin(() -> home.resolve("lanyard")),
                mock(AdminAccess.class), () -> URI.create("https://jira.example.com"), LoginPage.JIRA);

        assertThat(administration.adminServlet().getClass().getName()).isEqualTo("io.lanyard.plugin.admin.AdminServlet");
        assertThat(administration.apiServlet().getClass().getName())
                .isEqualTo("io.lanyard.plugin.admin.api.ApiServlet");
    }

    @Test
    void withoutAHomeTheServletsSayWhyInsteadOfFailingThePluginsStart() throws Exception {
        LanyardAdministration administration = new LanyardAdministration(plugin(() -> {
            throw new IllegalStateException("no home");
        }), mock(AdminAccess.class), () -> URI.create("https://jira.example.com"), LoginPage.JIRA);
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn("GET");
        HttpServletResponse response = mock(HttpServletResponse.class);

        administration.adminServlet().service(request, response);

        verify(response).sendError(ArgumentMatchers.eq(503), ArgumentMatchers.contains("LNY-101"));
    }

    @Test
    void connectorsOfConnectorXmlAreLoadedAtStart() throws Exception {
        Files.createDirectories(home.resolve("lanyard"));
        Files.writeString(home.resolve("lanyard/connector.xml"), Files.readString(Path.of("../docs/examples/connector.xml")));

        LanyardPlugin plugin = plugin(() -> home.resolve("lanyard"));

        assertThat(plugin.configuration().current().entraConnectors()).isNotEmpty();
        assertThat(plugin.configurationService()).isPresent();
    }

    @Test
    void aBrokenConnectorXmlLeavesProvidersAndTheProductAlone() throws Exception {
        Files.createDirectories(home.resolve("lanyard"));
        Files.writeString(home.resolve("lanyard/provider.xml"), StartupConfigurationTest.ONE_PROVIDER);
        Files.writeString(home.resolve("lanyard/connector.xml"), "<lanyard-connectors version=\"1\"><connector");

        LanyardPlugin plugin = plugin(() -> home.resolve("lanyard"));

        assertThat(plugin.configuration().current().entraConnectors()).isEmpty();
        assertThat(plugin.configuration().current().enabledIdentityProviders()).hasSize(1);
    }
}
