package io.lanyard.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.sandbox.RunningSandbox;
import io.lanyard.sandbox.Sandbox;
import io.lanyard.sandbox.SandboxOptions;
import io.lanyard.sandbox.graph.TenantGraphStandIn;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 20's "done when", in headless Chromium: the sandbox with {@code --entra-stand-in built-in} has a connector for
 * a generated tenant; "Sync now" on the Directory sync tab fills the sandbox's directory, and the page shows the run
 * and its report. {@code directory-sync.png} is the page after the run.
 */
class DirectorySyncBrowserTest {

    private static final Path SCREENSHOTS = AdminBrowserTest.SCREENSHOTS;

    @TempDir
    static Path home;
    private static RunningSandbox sandbox;
    private static AdminBrowser browser;

    @RegisterExtension
    static final PageOnFailure PAGE_ON_FAILURE =
            new PageOnFailure(() -> browser == null ? null : browser.driver(), SCREENSHOTS);

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.onFreePorts(home).withBuiltInEntraStandIn());
        browser = new AdminBrowser(sandbox.baseUrl(), SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void syncNowFillsTheDirectoryAndThePageShowsTheReport() throws Exception {
        String id = IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR, sandbox.lanyardDirectory()).load().stream()
                .filter(c -> c.tenantId().equals(TenantGraphStandIn.TENANT)).map(EntraConnectorConfig::id)
                .findFirst().orElseThrow();
        assertThat(sandbox.directory().findByUsername("user1")).isEmpty();
        browser.logInLocally("admin");
        browser.clickToLoad(By.id("lanyard-admin"));
        browser.clickToLoad(By.id("tab-dirsync"));
        By section = By.cssSelector("section[data-connector='" + id + "']");
        assertThat(browser.find(section).getText()).contains("Generated tenant");

        browser.clickToLoad(By.cssSelector("section[data-connector='" + id + "'] .dirsync-preview"));
        assertThat(browser.exists(By.id("dirsync-done"))).isTrue();
        waitForReport(id, "PREVIEWED");
        assertThat(sandbox.directory().findByUsername("user1")).as("a preview applies nothing").isEmpty();

        browser.clickToLoad(By.cssSelector("section[data-connector='" + id + "'] .dirsync-now"));
        waitForReport(id, "SUCCEEDED");

        assertThat(sandbox.directory().findByUsername("user1")).isPresent();
        assertThat(sandbox.directory().of("user1").direct()).contains("sandbox-users");
        assertThat(browser.find(By.cssSelector("section[data-connector='" + id + "'] .dirsync-report"
                + "[data-outcome='SUCCEEDED'] .dirsync-count[data-name='created']")).getText())
                .isEqualTo("created: 2000");
        browser.fullPageScreenshot("directory-sync");
    }

    private static void waitForReport(String id, String outcome) throws InterruptedException {
        By report = By.cssSelector("section[data-connector='" + id + "'] .dirsync-report[data-outcome='" + outcome
                + "']");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!browser.exists(report)) {
            assertThat(System.nanoTime()).as("a report " + outcome + " within a minute").isLessThan(deadline);
            Thread.sleep(250);
            browser.clickToLoad(By.id("tab-dirsync"));
        }
    }
}
