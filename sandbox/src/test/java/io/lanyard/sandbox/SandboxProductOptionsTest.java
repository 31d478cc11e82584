package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.host.HostProduct;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --product} and {@code --product-version}: what the host-product port reports in the sandbox. */
class SandboxProductOptionsTest {

    private static SandboxOptions parse(String... arguments) throws Exception {
        return SandboxOptions.parse(List.of(arguments));
    }

    @Test
    void defaultsToJira10_3_0() throws Exception {
        assertThat(parse().product()).isEqualTo(HostProduct.of("jira", "10.3.0"));
        assertThat(SandboxOptions.onFreePorts(java.nio.file.Path.of("/tmp/x")).product())
                .isEqualTo(HostProduct.of("jira", "10.3.0"));
    }

    @Test
    void readsProductAndVersionInBothSpellings() throws Exception {
        assertThat(parse("--product", "bitbucket", "--product-version=9.4.2").product())
                .isEqualTo(HostProduct.of("bitbucket", "9.4.2"));
        assertThat(parse("--product=conf").product()).isEqualTo(HostProduct.of("conf", "10.3.0"));
        assertThat(parse("--product", "bamboo", "--product-version", "10").product())
                .isEqualTo(HostProduct.of("bamboo", "10"));
    }

    @Test
    void explainsAnUnknownProduct() {
        assertThatThrownBy(() -> parse("--product", "confluence"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--product expects one of jira, conf, bitbucket, bamboo, not \"confluence\"");
    }

    @Test
    void explainsAVersionThatIsNotOne() {
        assertThatThrownBy(() -> parse("--product-version", "nine"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--product-version expects a version such as 10.3.0, not \"nine\"");
    }

    @Test
    void usageListsBothOptions() {
        assertThat(SandboxCommandLine.usage()).contains("--product ID", "--product-version X.Y.Z");
    }
}
