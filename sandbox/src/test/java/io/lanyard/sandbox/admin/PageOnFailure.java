package io.lanyard.sandbox.admin;

import io.lanyard.testing.HeadlessChrome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * When a browser test fails, keeps what the browser showed at that moment: a screenshot, the page source and its
 * URL, as {@code target/screenshots/FAILED-<test>.{png,html}}. A failed assertion about a page is then explained by
 * the page itself, not guessed at.
 */
final class PageOnFailure implements AfterTestExecutionCallback {

    private final Supplier<WebDriver> browser;
    private final Path directory;

    PageOnFailure(Supplier<WebDriver> browser, Path directory) {
        this.browser = browser;
        this.directory = directory;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        String name = "FAILED-" + context.getRequiredTestMethod().getName();
        WebDriver driver = browser.get();
        if (context.getExecutionException().isEmpty()) {
            deleteStale(name);
            return;
        }
        if (driver == null) {
            return;
        }
        try {
            HeadlessChrome.screenshot(driver, directory.resolve(name + ".png"));
            Files.writeString(directory.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (WebDriverException | IOException | UncheckedIOException e) {
            context.publishReportEntry("page-on-failure", "could not save the page: " + e);
        }
    }

    /** A passing run removes what an earlier failure of the same test left, so target/ shows the present. */
    private void deleteStale(String name) {
        try {
            Files.deleteIfExists(directory.resolve(name + ".png"));
            Files.deleteIfExists(directory.resolve(name + ".html"));
        } catch (IOException e) {
            // Nothing depends on it.
        }
    }
}
