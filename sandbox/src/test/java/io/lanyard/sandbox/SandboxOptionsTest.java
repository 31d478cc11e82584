package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxOptionsTest {

    private static SandboxOptions parse(String... arguments) throws Exception {
        return SandboxOptions.parse(List.of(arguments));
    }

    @Test
    void defaultsToPort8080TheNextPortForTheProviderAndTheHomeFolder() throws Exception {
        SandboxOptions options = parse();

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.identityProviderPort()).isEqualTo(8081);
        assertThat(options.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".lanyard-sandbox"));
    }

    @Test
    void readsEveryOptionInBothSpellings() throws Exception {
        SandboxOptions options = parse("--port", "9000", "--home=/tmp/sb", "--idp-port", "9100");

        assertThat(options).isEqualTo(new SandboxOptions(9000, Path.of("/tmp/sb"), 9100, true,
                SandboxOptions.DEFAULT_PRODUCT, Optional.empty(), Optional.empty()).withSignInDemo());
    }

    @Test
    void remembersWhetherTheProviderPortWasGivenOrFollowsTheSandboxPort() throws Exception {
        assertThat(parse("--idp-port", "9100").identityProviderPortGiven()).isTrue();
        assertThat(parse("--port", "9000").identityProviderPortGiven()).isFalse();
    }

    @Test
    void providerPortFollowsTheSandboxPort() throws Exception {
        assertThat(parse("--port", "9000").identityProviderPort()).isEqualTo(9001);
        assertThat(parse("--port", "0").identityProviderPort()).isZero();
    }

    @Test
    void explainsAPortThatIsNotANumber() {
        assertThatThrownBy(() -> parse("--port", "abc"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--port expects a port number from 0 to 65535, not \"abc\"");
    }

    @Test
    void explainsAPortOutOfRange() {
        assertThatThrownBy(() -> parse("--idp-port", "70000"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--idp-port expects a port number from 0 to 65535, not 70000");
    }

    @Test
    void explainsAMissingValue() {
        assertThatThrownBy(() -> parse("--home"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--home needs a value: --home DIR");
    }

    @Test
    void explainsAnUnknownOption() {
        assertThatThrownBy(() -> parse("--flavour", "bitbucket"))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option --flavour");
    }

    @Test
    void refusesTheSamePortTwice() {
        assertThatThrownBy(() -> parse("--port", "9000", "--idp-port", "9000"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("must differ");
    }

    @Test
    void refusesTheLastPortWithoutAnExplicitProviderPort() throws Exception {
        assertThatThrownBy(() -> parse("--port", "65535")).isInstanceOf(UsageException.class);
        assertThat(parse("--port", "65535", "--idp-port", "8081").identityProviderPort()).isEqualTo(8081);
    }

    @Test
    void helpEndsParsingAndTheUsageListsEveryOption() {
        assertThatThrownBy(() -> parse("--port", "1", "--help")).isInstanceOf(SandboxOptions.HelpRequested.class);
        assertThat(SandboxCommandLine.usage()).contains("--port N", "--home DIR", "--idp-port N", "--help");
    }
}
