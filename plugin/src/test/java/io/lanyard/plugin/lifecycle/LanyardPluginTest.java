package io.lanyard.plugin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.plugin.session.SessionLogin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void startsWithEverythingTheDescriptorNeedsEvenWithoutAHome() {
        LanyardPlugin plugin = plugin(() -> {
            throw new IllegalStateException("no home");
        });

        assertThat(plugin.loginFilter()).isNotNull();
        assertThat(plugin.loginServlet()).isNotNull();
        assertThat(plugin.callbackServlet()).isNotNull();
        assertThat(plugin.loginService()).isNotNull();
        assertThat(plugin.configuration().current().identityProviders()).isEmpty();
        assertThat(plugin.lanyardDirectory()).isEmpty();
    }

    @Test
    void startsWhenTheProductCannotSayWhatItIs() {
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

        assertThat(plugin.loginFilter()).isNotNull();
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
