package io.lanyard.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's quick start lists every demo account with what it shows, as the banner and the sign-in page do. */
class ReadmeDemoAccountsTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void theQuickStartTableHasARowForEveryDemoAccount() throws Exception {
        String readme = Files.readString(README).replace("`", "");

        for (SandboxUserDirectory.DemoAccount account : new SandboxUserDirectory().demoAccounts()) {
            assertThat(readme).contains("| " + account.username() + " | " + account.shows() + " |");
        }
    }
}
