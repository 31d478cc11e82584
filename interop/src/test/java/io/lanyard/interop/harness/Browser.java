package io.lanyard.interop.harness;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.lanyard.testing.HeadlessChrome;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium (a new, empty profile: no provider session from an earlier test), with the steps a
 * person takes: open a page, log in at the provider's own login page, read what the sandbox shows.
 */
public final class Browser implements AutoCloseable {

    /** Generous: Keycloak and Chromium share two cores with other builds. */
    public static final Duration PAGE_TIMEOUT = Duration.ofSeconds(90);

    private final WebDriver driver = HeadlessChrome.start();
    private final Path screenshots;
    private final String prefix;

    /**
     * @param screenshots where {@link #screenshot(String)} writes
     * @param prefix      file-name prefix, e.g. {@code keycloak-deep-link}
     */
    public Browser(Path screenshots, String prefix) {
        this.screenshots = screenshots;
        this.prefix = prefix;
        driver.manage().timeouts().pageLoadTimeout(PAGE_TIMEOUT);
    }

    public void open(URI uri) {
        driver.get(uri.toString());
    }

    public URI url() {
        return URI.create(driver.getCurrentUrl());
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String source() {
        return driver.getPageSource();
    }

    /** Waits until the provider's login page is shown: on the provider's origin, with its username field. */
    public void awaitLoginPage(ProviderUnderTest provider) {
        String origin = provider.proxy().url().toString();
        awaitPage("the login page of " + provider.displayName(), d -> d.getCurrentUrl().startsWith(origin)
                && !d.findElements(By.id(provider.loginForm().usernameField())).isEmpty());
    }

    /** Types the account's username and password into the provider's login form and submits it. */
    public void submitLogin(ProviderUnderTest provider, TestAccount account) {
        ProviderUnderTest.LoginForm form = provider.loginForm();
        WebElement username = driver.findElement(By.id(form.usernameField()));
        username.clear();
        username.sendKeys(account.username());
        WebElement password = driver.findElement(By.id(form.passwordField()));
        password.clear();
        password.sendKeys(account.password());
        driver.findElement(By.id(form.submitButton())).click();
    }

    /** Waits until the browser is back at the sandbox on a finished page: logged in, or Lanyard's error page. */
    public void awaitBackAt(LanyardSandbox sandbox) {
        String base = sandbox.baseUrl().toString();
        awaitPage("a page of the sandbox after the provider", d -> d.getCurrentUrl().startsWith(base)
                && (!d.findElements(By.cssSelector("dd.code")).isEmpty()
                        || d.findElement(By.tagName("body")).getText().contains("Logged in as")));
    }

    /** Waits until the browser shows this path of the sandbox (any query), fully loaded. */
    public void awaitAt(LanyardSandbox sandbox, String path) {
        String base = sandbox.baseUrl().toString();
        awaitPage(path + " of the sandbox", d -> d.getCurrentUrl().startsWith(base)
                && path.equals(URI.create(d.getCurrentUrl()).getPath()));
    }

    /** Waits for the element with this id (e.g. a provider's confirmation button), then clicks it. */
    public void clickWhenShown(String id) {
        awaitPage("an element #" + id, d -> !d.findElements(By.id(id)).isEmpty());
        driver.findElement(By.id(id)).click();
    }

    /** Waits until the page's text contains {@code words}, ignoring case. */
    public void awaitText(String words) {
        String lowerCase = words.toLowerCase(Locale.ROOT);
        awaitPage("a page saying \"" + words + "\"", d -> d.findElement(By.tagName("body")).getText()
                .toLowerCase(Locale.ROOT).contains(lowerCase));
    }

    /**
     * The browser's cookies for the host it shows now, as a {@code Cookie} request header, so a test can make a
     * request of this session outside the browser (e.g. a REST client's).
     */
    public String cookieHeader() {
        return driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The code on Lanyard's error page ({@code LNY-nnn}), or empty when this is no error page. */
    public String errorCode() {
        return driver.findElements(By.cssSelector("dd.code")).stream().findFirst().map(WebElement::getText).orElse("");
    }

    /** The provider's error as Lanyard's error page shows it, or empty. */
    public String providerError() {
        return driver.findElements(By.cssSelector("dd.provider-error")).stream().findFirst().map(WebElement::getText)
                .orElse("");
    }

    /** GETs a JSON resource of the sandbox in this browser (with its session) and parses it. */
    public Map<String, Object> json(URI uri) {
        open(uri);
        try {
            return JSONObjectUtils.parse(text());
        } catch (ParseException e) {
            throw new AssertionError("not JSON at " + uri + ": " + text(), e);
        }
    }

    public Path screenshot(String step) {
        return HeadlessChrome.screenshot(driver, screenshots.resolve(prefix + "-" + step + ".png"));
    }

    private void awaitPage(String what, Predicate<WebDriver> condition) {
        try {
            new WebDriverWait(driver, PAGE_TIMEOUT, Duration.ofMillis(200))
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(JavascriptException.class)
                    .until(d ->
                    "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                            && condition.test(d));
        } catch (TimeoutException e) {
            screenshot("timeout");
            throw new AssertionError("no " + what + " within " + PAGE_TIMEOUT.toSeconds() + " s; the browser is at "
                    + driver.getCurrentUrl().replaceAll("([?&](code|state|session_state)=)[^&]*", "$1…")
                    + " showing: " + text(), e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
