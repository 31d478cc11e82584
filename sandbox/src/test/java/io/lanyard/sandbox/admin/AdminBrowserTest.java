package io.lanyard.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.sandbox.RunningSandbox;
import io.lanyard.sandbox.Sandbox;
import io.lanyard.sandbox.SandboxOptions;
import io.lanyard.sandbox.idp.ClientSecretFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin UI in headless Chromium, as an administrator uses it: from the sandbox's first provider to a second one
 * added through the form, tested, used by alice to sign in, edited and deleted; and alice refused. Screenshots of
 * each page go to target/screenshots/; on a failure, the page the browser showed is kept there too.
 */
class AdminBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path home;
    private static RunningSandbox sandbox;
    private static AdminBrowser browser;

    @RegisterExtension
    static final PageOnFailure PAGE_ON_FAILURE =
            new PageOnFailure(() -> browser == null ? null : browser.driver(), SCREENSHOTS);

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.onFreePorts(home));
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

    /**
     * An element in the list's row of {@code id}. The value is quoted: ids may start with a digit, which an unquoted
     * CSS attribute value (an identifier) cannot.
     */
    static By row(String id, String selector) {
        return By.cssSelector("tr[data-idp-id='" + id + "'] " + selector);
    }

    private static List<IdentityProviderConfig> storedProviders() {
        return IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, sandbox.lanyardDirectory()).load();
    }

    @Test
    void anAdministratorSetsUpAProviderAliceSignsInThroughItThenItIsEditedAndDeleted() throws Exception {
        String issuer = sandbox.builtInIssuer().orElseThrow().toString();
        String clientSecret = ClientSecretFile.loadOrCreate(home).reveal();
        String firstProviderId = storedProviders().get(0).id();

        // The start page links the administration for administrators.
        browser.logInLocally("admin");
        browser.clickToLoad(By.id("lanyard-admin"));
        assertThat(browser.driver().getTitle()).startsWith("IdP integration");
        assertThat(browser.driver().findElements(By.cssSelector("#idp-table tbody tr"))).hasSize(1);
        browser.screenshot("01-idp-list");

        // A new provider: first refused, with the errors beside their fields and what was typed kept.
        browser.clickToLoad(By.id("add-idp"));
        String callbackUrl = browser.text("callback-url");
        assertThat(callbackUrl).startsWith(sandbox.baseUrl() + "/plugins/servlet/lanyard/callback/");
        browser.type("displayName", "Browser test provider");
        browser.type("discoveryUrl", "http://idp.example.com/not-loopback");
        browser.type("clockSkew", "-5");
        browser.clickToLoad(By.id("save-idp"));
        assertThat(browser.find(By.id("form-errors")).isDisplayed()).isTrue();
        assertThat(browser.find(By.cssSelector(".error[data-field=discoveryUrl]")).getText()).contains("https");
        assertThat(browser.find(By.cssSelector(".error[data-field=clientId]")).getText()).contains("must be given");
        assertThat(browser.find(By.cssSelector(".error[data-field=clockSkew]")).getText()).contains("seconds");
        assertThat(browser.value("displayName")).isEqualTo("Browser test provider");
        browser.screenshot("02-idp-validation-errors");

        // Fetch fills the issuer from the discovery document.
        browser.type("discoveryUrl", issuer);
        browser.type("clockSkew", "60");
        browser.clickToLoad(By.id("fetch-discovery"));
        assertThat(browser.text("discovery-result")).contains(issuer);
        assertThat(browser.value("issuer")).isEqualTo(issuer);
        assertThat(browser.text("callback-url")).isEqualTo(callbackUrl);

        // Test reads discovery and keys.
        browser.type("clientId", "lanyard-sandbox");
        browser.type("clientSecret", clientSecret);
        browser.clickToLoad(By.id("test-idp"));
        assertThat(browser.find(By.id("check-result")).getAttribute("data-passed")).isEqualTo("true");
        assertThat(browser.text("check-key-count")).isNotEqualTo("0");
        assertThat(browser.pageSource()).doesNotContain(clientSecret);
        browser.screenshot("03-idp-test-passed");

        // Save (the secret was not kept by the test round: type it again) and disable the first provider.
        browser.type("clientSecret", clientSecret);
        browser.clickToLoad(By.id("save-idp"));
        assertThat(browser.text("saved-message")).contains("Browser test provider");
        assertThat(storedProviders()).hasSize(2);
        String newId = storedProviders().get(1).id();
        assertThat(callbackUrl).endsWith("/" + newId);
        browser.clickToLoad(row(firstProviderId, ".idp-toggle"));
        assertThat(browser.find(row(firstProviderId, ".idp-status")).getText()).isEqualToIgnoringCase("Disabled");
        browser.screenshot("04-idp-list-two-providers");

        // Alice signs in through the new provider, without a restart.
        browser.driver().manage().deleteAllCookies();
        browser.open("/pages/projects");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
        assertThat(browser.driver().getCurrentUrl())
                .contains("redirect_uri=" + URLEncoder.encode(callbackUrl, StandardCharsets.UTF_8));
        browser.find(By.name("username")).sendKeys("alice");
        browser.clickToLoad(By.cssSelector("#sign-in button[type=submit]"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Logged in as alice");
        assertThat(browser.exists(By.id("lanyard-admin"))).isFalse();

        // Alice is not an administrator: the page refuses her, whatever link she has.
        browser.open("/plugins/servlet/lanyard/admin/idp/" + newId);
        assertThat(browser.text("refusal-code")).isEqualTo("LNY-701");
        assertThat(browser.exists(By.id("idp-form"))).isFalse();
        browser.screenshot("05-alice-refused");

        // The administrator edits the provider...
        browser.logInLocally("admin");
        browser.open("/plugins/servlet/lanyard/admin/idp/" + newId);
        assertThat(browser.value("clientSecret")).isEmpty();
        assertThat(browser.text("secret-source")).contains("Configuration file");
        browser.type("displayName", "Renamed provider");
        browser.screenshot("06-idp-edit");
        browser.clickToLoad(By.id("save-idp"));
        assertThat(storedProviders().get(1).displayName()).isEqualTo("Renamed provider");
        assertThat(storedProviders().get(1).clientSecret().plaintext().orElseThrow().reveal()).isEqualTo(clientSecret);

        // ...and deletes it after confirming.
        browser.clickToLoad(row(newId, ".idp-delete"));
        assertThat(browser.text("delete-name")).isEqualTo("Renamed provider");
        browser.screenshot("07-idp-delete-confirmation");
        browser.clickToLoad(By.id("confirm-delete"));
        assertThat(browser.find(By.id("deleted-message")).isDisplayed()).isTrue();
        assertThat(storedProviders()).extracting(IdentityProviderConfig::id).containsExactly(firstProviderId);

        browser.clickToLoad(By.id("tab-cloud"));
        assertThat(browser.find(By.id("no-connectors")).isDisplayed()).isTrue();
        browser.screenshot("08-cloud-integration");
        try (var files = Files.list(SCREENSHOTS)) {
            assertThat(files.count()).isGreaterThanOrEqualTo(8);
        }
    }
}
