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
        WebDriver driver = browser.get();
        if (context.getExecutionException().isEmpty() || driver == null) {
            return;
        }
        String name = "FAILED-" + context.getRequiredTestMethod().getName();
        try {
            HeadlessChrome.screenshot(driver, directory.resolve(name + ".png"));
            Files.writeString(directory.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (WebDriverException | IOException | UncheckedIOException e) {
            context.publishReportEntry("page-on-failure", "could not save the page: " + e);
        }
    }
}
