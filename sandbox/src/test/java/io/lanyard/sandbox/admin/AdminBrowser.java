package io.lanyard.sandbox.admin;

import io.lanyard.testing.HeadlessChrome;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the admin browser tests, with the one rule that keeps them deterministic: an action that
 * loads a new page returns only once that page has loaded.
 *
 * <p>ChromeDriver's {@code click()} returns when the click has been dispatched. Whether it also waits for the
 * navigation the click starts (a form submission, a link) depends on whether that navigation has begun by the time
 * it looks, so a test that goes on at once may read the old page, read a file the server has not written yet, or
 * navigate away while a login's POST is still in flight (and then find its own {@code get} overtaken by the login's
 * redirect). {@link #clickToLoad(By)} waits for the old document to go stale and the new one to finish loading.
 */
final class AdminBrowser implements AutoCloseable {

    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final URI base;
    private final Path screenshots;

    AdminBrowser(URI base, Path screenshots) {
        this.driver = HeadlessChrome.start();
        this.base = base;
        this.screenshots = screenshots;
    }

    WebDriver driver() {
        return driver;
    }

    /** Loads {@code path} of the sandbox; {@code get} waits for the page itself. */
    void open(String path) {
        driver.get(base + path);
    }

    /** Clicks an element that loads a new page (a link, a submit button) and waits for that page. */
    void clickToLoad(By target) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(driver, PAGE_TIMEOUT);
        // Chromium may also answer "node does not belong to the document" while it swaps the documents: gone, too.
        wait.until(d -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Logs in with the sandbox's local form (password = username), from a browser without cookies. */
    void logInLocally(String username) {
        driver.manage().deleteAllCookies();
        open("/login?lanyard_native=1");
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(username);
        clickToLoad(By.cssSelector("#local-login button[type=submit]"));
    }

    void type(String field, String value) {
        WebElement input = driver.findElement(By.id("field-" + field));
        input.clear();
        input.sendKeys(value);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    String value(String field) {
        return driver.findElement(By.id("field-" + field)).getAttribute("value");
    }

    boolean exists(By by) {
        return !driver.findElements(by).isEmpty();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** Opens a disclosure ({@code <details>}) by clicking its summary, as a person does; nothing if it is open. */
    void open(By details) {
        WebElement element = driver.findElement(details);
        if (element.getAttribute("open") == null) {
            element.findElement(By.tagName("summary")).click();
        }
    }

    boolean isOpen(By details) {
        return driver.findElement(details).getAttribute("open") != null;
    }

    /** Whether the top of the element is inside the window: where the page opened, or was scrolled to. */
    boolean inView(By by) {
        Number top = (Number) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].getBoundingClientRect().top", driver.findElement(by));
        Number height = (Number) ((JavascriptExecutor) driver).executeScript("return window.innerHeight");
        return top.doubleValue() >= 0 && top.doubleValue() < height.doubleValue();
    }

    /** How far down the page the window is scrolled, in pixels. */
    long scrolledDown() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return window.scrollY")).longValue();
    }

    /** The text an element holds even when it is not shown, e.g. in a closed disclosure. */
    String textContent(By by) {
        return driver.findElement(by).getAttribute("textContent").strip().replaceAll("\\s+", " ");
    }

    /** Scrolls so that the element is in the middle of the window, e.g. before a screenshot of one section. */
    void scrollTo(By by) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                driver.findElement(by));
    }

    Path screenshot(String name) {
        return HeadlessChrome.screenshot(driver, screenshots.resolve(name + ".png"));
    }

    /**
     * The whole page, not only the window: the window is made as tall as the page for the picture (at most 4000
     * pixels), then put back. For the README's pictures of the pages.
     */
    Path fullPageScreenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(window.getWidth(), Math.min(height.intValue() + 150, 4000)));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
