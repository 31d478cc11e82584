package io.lanyard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for browser tests, driven through Debian's {@code chromium} and {@code chromium-driver}
 * (installed by {@code .ci/run}). The driver's path is given explicitly, so Selenium Manager never tries to
 * download a driver or a browser (which fails on our build machines).
 */
public final class HeadlessChrome {

    public static final Path CHROMIUM = Path.of(System.getProperty("lanyard.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("lanyard.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChrome() {
    }

    /**
     * A new browser with an empty profile. Close it with {@link WebDriver#quit()}.
     *
     * @throws IllegalStateException naming the Debian packages to install when the browser or its driver is missing
     */
    public static WebDriver start() {
        requireInstalled();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No sandbox (CI runs as root), no GPU, and no background traffic: this machine's network is closed.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,1000", "--lang=en-US");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Whether the browser and its driver are installed, for a clear message instead of a driver error. */
    public static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): sudo apt-get install chromium chromium-driver");
        }
    }

    /** Saves a PNG of the current page, e.g. under {@code target/screenshots/}. */
    public static Path screenshot(WebDriver driver, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
