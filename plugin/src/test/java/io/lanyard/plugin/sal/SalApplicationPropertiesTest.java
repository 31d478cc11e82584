package io.lanyard.plugin.sal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The adapters that read SAL's ApplicationProperties: base URL, Lanyard's folder, product. */
class SalApplicationPropertiesTest {

    private final ApplicationProperties properties = mock(ApplicationProperties.class);

    @Test
    void baseUrlIsTheCanonicalOneWithoutTrailingSlash() {
        when(properties.getBaseUrl(UrlMode.CANONICAL)).thenReturn(" https://jira.example.com/jira// ");

        assertThat(new SalBaseUrl(properties).baseUrl()).isEqualTo(URI.create("https://jira.example.com/jira"));
    }

    @Test
    void baseUrlIsReadOnEveryCall() {
        SalBaseUrl baseUrl = new SalBaseUrl(properties);
        when(properties.getBaseUrl(UrlMode.CANONICAL)).thenReturn("https://old.example.com");
        baseUrl.baseUrl();
        when(properties.getBaseUrl(UrlMode.CANONICAL)).thenReturn("https://new.example.com");

        assertThat(baseUrl.baseUrl()).isEqualTo(URI.create("https://new.example.com"));
    }

    @Test
    void missingBaseUrlIsAnError() {
        when(properties.getBaseUrl(UrlMode.CANONICAL)).thenReturn("");

        assertThatThrownBy(() -> new SalBaseUrl(properties).baseUrl()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lanyardFolderIsInTheSharedHomeOnACluster() {
        when(properties.getSharedHomeDirectory()).thenReturn(Optional.of(Path.of("/shared")));
        when(properties.getLocalHomeDirectory()).thenReturn(Optional.of(Path.of("/local")));

        assertThat(new SalHomeDirectory(properties).lanyardDirectory()).isEqualTo(Path.of("/shared/lanyard"));
    }

    @Test
    void lanyardFolderIsInTheLocalHomeWithoutASharedOne() {
        when(properties.getSharedHomeDirectory()).thenReturn(Optional.empty());
        when(properties.getLocalHomeDirectory()).thenReturn(Optional.of(Path.of("/local")));

        assertThat(new SalHomeDirectory(properties).lanyardDirectory()).isEqualTo(Path.of("/local/lanyard"));
    }

    @Test
    void productIsThePlatformIdAndVersion() {
        when(properties.getPlatformId()).thenReturn("conf");
        when(properties.getVersion()).thenReturn("9.2.1");

        SalHostProduct product = new SalHostProduct(properties);

        assertThat(product.platformId()).isEqualTo("conf");
        assertThat(product.version()).isEqualTo("9.2.1");
        assertThat(product).hasToString("conf 9.2.1");
    }
}
