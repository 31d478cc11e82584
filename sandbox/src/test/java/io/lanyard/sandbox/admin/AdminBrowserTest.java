package io.lanyard.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.xml.ProviderXmlStore;
import io.lanyard.sandbox.RunningSandbox;
import io.lanyard.sandbox.Sandbox;
import io.lanyard.sandbox.SandboxOptions;
import io.lanyard.sandbox.idp.ClientSecretFile;
import io.lanyard.testing.HeadlessChrome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin UI in headless Chromium, as an administrator uses it: from the sandbox's first provider to a second one
 * added through the form, tested, used by alice to sign in, edited and deleted; and alice refused. Screenshots of
 * each page go to target/screenshots/.
 */
class AdminBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path home;
    private static RunningSandbox sandbox;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.onFreePorts(home));
        browser = HeadlessChrome.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static String at(String path) {
        return sandbox.baseUrl() + path;
    }

    private static void logInLocally(String username) {
        browser.manage().deleteAllCookies();
        browser.get(at("/login?lanyard_native=1"));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(username);
        browser.findElement(By.cssSelector("#local-login button[type=submit]")).click();
    }

    private static void screenshot(String name) {
        HeadlessChrome.screenshot(browser, SCREENSHOTS.resolve(name + ".png"));
    }

    private static void type(String field, String value) {
        WebElement input = browser.findElement(By.id("field-" + field));
        input.clear();
        input.sendKeys(value);
    }

    private static List<IdentityProviderConfig> storedProviders() {
        return new ProviderXmlStore(sandbox.lanyardDirectory()).load().identityProviders();
    }

    @Test
    void anAdministratorSetsUpAProviderAliceSignsInThroughItThenItIsEditedAndDeleted() throws Exception {
        String issuer = sandbox.builtInIssuer().orElseThrow().toString();
        String clientSecret = ClientSecretFile.loadOrCreate(home).reveal();
        String firstProviderId = storedProviders().get(0).id();

        // The start page links the administration for administrators.
        logInLocally("admin");
        browser.findElement(By.id("lanyard-admin")).click();
        assertThat(browser.getTitle()).startsWith("IdP integration");
        assertThat(browser.findElements(By.cssSelector("#idp-table tbody tr"))).hasSize(1);
        screenshot("01-idp-list");

        // A new provider: first refused, with the errors beside their fields and what was typed kept.
        browser.findElement(By.id("add-idp")).click();
        String callbackUrl = browser.findElement(By.id("callback-url")).getText();
        assertThat(callbackUrl).startsWith(sandbox.baseUrl() + "/plugins/servlet/lanyard/callback/");
        type("displayName", "Browser test provider");
        type("discoveryUrl", "http://idp.example.com/not-loopback");
        type("clockSkew", "-5");
        browser.findElement(By.id("save-idp")).click();
        assertThat(browser.findElement(By.id("form-errors")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".error[data-field=discoveryUrl]")).getText()).contains("https");
        assertThat(browser.findElement(By.cssSelector(".error[data-field=clientId]")).getText()).contains("must be given");
        assertThat(browser.findElement(By.cssSelector(".error[data-field=clockSkew]")).getText()).contains("seconds");
        assertThat(browser.findElement(By.id("field-displayName")).getAttribute("value")).isEqualTo("Browser test provider");
        screenshot("02-idp-validation-errors");

        // Fetch fills the issuer from the discovery document.
        type("discoveryUrl", issuer);
        type("clockSkew", "60");
        browser.findElement(By.id("fetch-discovery")).click();
        assertThat(browser.findElement(By.id("discovery-result")).getText()).contains(issuer);
        assertThat(browser.findElement(By.id("field-issuer")).getAttribute("value")).isEqualTo(issuer);
        assertThat(browser.findElement(By.id("callback-url")).getText()).isEqualTo(callbackUrl);

        // Test reads discovery and keys.
        type("clientId", "lanyard-sandbox");
        type("clientSecret", clientSecret);
        browser.findElement(By.id("test-idp")).click();
        assertThat(browser.findElement(By.id("check-result")).getAttribute("data-passed")).isEqualTo("true");
        assertThat(browser.findElement(By.id("check-key-count")).getText()).isNotEqualTo("0");
        assertThat(browser.getPageSource()).doesNotContain(clientSecret);
        screenshot("03-idp-test-passed");

        // Save (the secret was not kept by the test round: type it again) and disable the first provider.
        type("clientSecret", clientSecret);
        browser.findElement(By.id("save-idp")).click();
        assertThat(browser.findElement(By.id("saved-message")).getText()).contains("Browser test provider");
        assertThat(storedProviders()).hasSize(2);
        String newId = storedProviders().get(1).id();
        assertThat(callbackUrl).endsWith("/" + newId);
        browser.findElement(By.cssSelector("tr[data-idp-id=" + firstProviderId + "] .idp-toggle")).click();
        assertThat(browser.findElement(By.cssSelector("tr[data-idp-id=" + firstProviderId + "] .idp-status")).getText())
                .isEqualToIgnoringCase("Disabled");
        screenshot("04-idp-list-two-providers");

        // Alice signs in through the new provider, without a restart.
        browser.manage().deleteAllCookies();
        browser.get(at("/pages/projects"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
        assertThat(browser.getCurrentUrl()).contains("redirect_uri=" + java.net.URLEncoder.encode(callbackUrl,
                java.nio.charset.StandardCharsets.UTF_8));
        browser.findElement(By.name("username")).sendKeys("alice");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Logged in as alice");
        assertThat(browser.findElements(By.id("lanyard-admin"))).isEmpty();

        // Alice is not an administrator: the page refuses her, whatever link she has.
        browser.get(at("/plugins/servlet/lanyard/admin/idp/" + newId));
        assertThat(browser.findElement(By.id("refusal-code")).getText()).isEqualTo("LNY-701");
        assertThat(browser.findElements(By.id("idp-form"))).isEmpty();
        screenshot("05-alice-refused");

        // The administrator edits the provider...
        logInLocally("admin");
        browser.get(at("/plugins/servlet/lanyard/admin/idp/" + newId));
        assertThat(browser.findElement(By.id("field-clientSecret")).getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.id("secret-source")).getText()).contains("Configuration file");
        type("displayName", "Renamed provider");
        screenshot("06-idp-edit");
        browser.findElement(By.id("save-idp")).click();
        assertThat(storedProviders().get(1).displayName()).isEqualTo("Renamed provider");
        assertThat(storedProviders().get(1).clientSecret().plaintext().orElseThrow().reveal()).isEqualTo(clientSecret);

        // ...and deletes it after confirming.
        browser.findElement(By.cssSelector("tr[data-idp-id=" + newId + "] .idp-delete")).click();
        assertThat(browser.findElement(By.id("delete-name")).getText()).isEqualTo("Renamed provider");
        screenshot("07-idp-delete-confirmation");
        browser.findElement(By.id("confirm-delete")).click();
        assertThat(browser.findElement(By.id("deleted-message")).isDisplayed()).isTrue();
        assertThat(storedProviders()).extracting(IdentityProviderConfig::id).containsExactly(firstProviderId);

        browser.findElement(By.id("tab-cloud")).click();
        assertThat(browser.findElement(By.id("cloud-unavailable")).isDisplayed()).isTrue();
        screenshot("08-cloud-integration");
        assertThat(Files.list(SCREENSHOTS).count()).isGreaterThanOrEqualTo(8);
    }
}
