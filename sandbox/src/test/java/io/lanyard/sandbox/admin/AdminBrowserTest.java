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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin UI in headless Chromium, as an administrator uses it: from the sandbox's first provider to a second one
 * added through the form (refused first, with the fields listed in the banner), fetched, tested in the form and in
 * the list, used by alice to sign in, edited and deleted; and alice refused, who logs out from the header.
 * Screenshots of each page go to target/screenshots/ ({@code idp-validation.png} and {@code idp-test-in-list.png} are
 * pictures docs/images/ holds for the README); on a failure, the page the browser showed is kept there too.
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

        // The start page links the administration for administrators; the header says who is signed in.
        browser.logInLocally("admin");
        browser.clickToLoad(By.id("lanyard-admin"));
        assertThat(browser.driver().getTitle()).startsWith("IdP integration");
        assertThat(browser.driver().findElements(By.cssSelector("#idp-table tbody tr"))).hasSize(1);
        assertThat(browser.text("header-user")).isEqualTo("Signed in as admin");
        assertThat(browser.find(By.id("header-logout")).getAttribute("href")).isEqualTo(sandbox.baseUrl() + "/logout");
        browser.screenshot("01-idp-list");

        // The form, grouped as a person thinks of a provider; the rarely changed token checks behind a disclosure.
        browser.clickToLoad(By.id("add-idp"));
        assertThat(sections()).containsExactly("section-provider", "section-client", "secret-section",
                "section-users", "section-groups", "section-logout", "section-tokens");
        assertThat(browser.exists(By.cssSelector("#section-client #field-clientAuthMethod"))).isTrue();
        assertThat(browser.exists(By.cssSelector("#section-client #field-scopes"))).isTrue();
        assertThat(browser.exists(By.cssSelector("#secret-section #field-clientAuthMethod"))).isFalse();
        assertThat(browser.isOpen(By.id("advanced-tokens"))).isFalse();
        assertThat(browser.find(By.id("field-clockSkew")).isDisplayed()).isFalse();
        assertThat(browser.find(By.id("field-allowedAlgorithms")).isDisplayed()).isTrue();
        String callbackUrl = browser.text("field-callbackUrl");
        assertThat(callbackUrl).startsWith(sandbox.baseUrl() + "/plugins/servlet/lanyard/callback/");
        browser.fullPageScreenshot("02-idp-new-form");

        // First refused: the banner lists the fields with links to them, each error is beside its field, and what
        // was typed is kept; the disclosure holding a refused field is open.
        browser.type("displayName", "Browser test provider");
        browser.type("discoveryUrl", "http://idp.example.com/not-loopback");
        browser.open(By.id("advanced-tokens"));
        browser.type("clockSkew", "-5");
        browser.clickToLoad(By.id("save-integration"));
        List<WebElement> listed = browser.driver().findElements(By.cssSelector("#form-errors li a"));
        assertThat(listed).extracting(WebElement::getText)
                .containsExactly("Discovery URL", "Client ID", "Clock skew (seconds)");
        assertThat(listed).extracting(link -> link.getAttribute("hash"))
                .containsExactly("#field-discoveryUrl", "#field-clientId", "#field-clockSkew");
        assertThat(browser.text("form-errors")).contains("Clock skew (seconds): ");
        assertThat(browser.find(By.cssSelector(".error[data-field=discoveryUrl]")).getText()).contains("https");
        assertThat(browser.find(By.cssSelector(".error[data-field=clientId]")).getText()).contains("must be given");
        assertThat(browser.find(By.cssSelector(".error[data-field=clockSkew]")).getText()).contains("seconds");
        assertThat(browser.value("displayName")).isEqualTo("Browser test provider");
        assertThat(browser.isOpen(By.id("advanced-tokens"))).isTrue();
        browser.screenshot("03-idp-validation-errors");
        browser.screenshot("idp-validation");
        listed.get(2).click();
        assertThat(browser.driver().getCurrentUrl()).endsWith("#field-clockSkew");
        assertThat(browser.inView(By.id("field-clockSkew"))).isTrue();

        // Fetch fills the issuer from the discovery document and says so below the discovery URL.
        browser.type("discoveryUrl", issuer);
        browser.type("clockSkew", "60");
        browser.clickToLoad(By.id("action-fetch"));
        assertThat(browser.text("discovery-result")).contains(issuer);
        assertThat(browser.exists(By.cssSelector("[data-field-group=discoveryUrl] #action-result"))).isTrue();
        assertThat(browser.value("issuer")).isEqualTo(issuer);
        assertThat(browser.text("field-callbackUrl")).isEqualTo(callbackUrl);

        // Test reads discovery and keys, and says what it found in sentences, where it was pressed.
        browser.type("clientId", "lanyard-sandbox");
        browser.type("clientSecret", clientSecret);
        browser.clickToLoad(By.id("test-integration"));
        assertThat(browser.find(By.id("check-result")).getAttribute("data-passed")).isEqualTo("true");
        assertThat(browser.text("check-keys")).isEqualTo("Usable signing keys: 1 RSA key (kid sandbox).");
        assertThat(browser.textContent(By.id("found-auth-methods")))
                .isEqualTo("none announced, so client_secret_basic (the default) applies");
        assertThat(browser.scrolledDown()).isPositive();
        assertThat(browser.inView(By.id("test-result"))).isTrue();
        assertThat(browser.pageSource()).doesNotContain(clientSecret);
        browser.screenshot("04-idp-test-passed");

        // Save (the secret was not kept by the test round: type it again) and disable the first provider.
        browser.type("clientSecret", clientSecret);
        browser.clickToLoad(By.id("save-integration"));
        assertThat(browser.text("saved-message")).contains("Browser test provider");
        assertThat(storedProviders()).hasSize(2);
        String newId = storedProviders().get(1).id();
        assertThat(callbackUrl).endsWith("/" + newId);
        browser.clickToLoad(row(firstProviderId, ".idp-toggle"));
        assertThat(browser.find(row(firstProviderId, ".idp-status")).getText()).isEqualToIgnoringCase("Disabled");
        browser.screenshot("05-idp-list-two-providers");

        // Test in the list: the result below the provider's row, not the whole form.
        browser.clickToLoad(row(newId, ".idp-test"));
        assertThat(browser.find(By.cssSelector("tr.lanyard-test-row #check-result")).getAttribute("data-passed"))
                .isEqualTo("true");
        assertThat(browser.text("check-keys")).isEqualTo("Usable signing keys: 1 RSA key (kid sandbox).");
        assertThat(browser.exists(By.id("integration-form"))).isFalse();
        assertThat(browser.exists(By.id("idp-table"))).isTrue();
        browser.screenshot("06-idp-test-in-list");
        browser.fullPageScreenshot("idp-test-in-list");

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

        // Alice is not an administrator: the page refuses her, whatever link she has, and lets her log out.
        browser.open("/plugins/servlet/lanyard/admin/idp/" + newId);
        assertThat(browser.text("refusal-code")).isEqualTo("LNY-701");
        assertThat(browser.exists(By.id("integration-form"))).isFalse();
        assertThat(browser.text("header-user")).isEqualTo("Signed in as alice");
        browser.screenshot("07-alice-refused");
        browser.clickToLoad(By.id("header-logout"));
        browser.open("/plugins/servlet/lanyard/admin");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));

        // The administrator edits the provider...
        browser.logInLocally("admin");
        browser.open("/plugins/servlet/lanyard/admin/idp/" + newId);
        assertThat(browser.value("clientSecret")).isEmpty();
        assertThat(browser.text("secret-source")).contains("Configuration file");
        browser.type("displayName", "Renamed provider");
        browser.screenshot("08-idp-edit");
        browser.clickToLoad(By.id("save-integration"));
        assertThat(storedProviders().get(1).displayName()).isEqualTo("Renamed provider");
        assertThat(storedProviders().get(1).clientSecret().plaintext().orElseThrow().reveal()).isEqualTo(clientSecret);

        // ...and deletes it after confirming.
        browser.clickToLoad(row(newId, ".idp-delete"));
        assertThat(browser.text("delete-question"))
                .isEqualTo("Delete the identity provider Renamed provider (" + issuer + ")?");
        browser.screenshot("09-idp-delete-confirmation");
        browser.clickToLoad(By.id("confirm-delete"));
        assertThat(browser.find(By.id("deleted-message")).isDisplayed()).isTrue();
        assertThat(storedProviders()).extracting(IdentityProviderConfig::id).containsExactly(firstProviderId);

        browser.clickToLoad(By.id("tab-cloud"));
        assertThat(browser.find(By.id("no-connectors")).isDisplayed()).isTrue();
        assertThat(browser.text("cloud-intro")).contains("Microsoft Graph", "need no connector");
        assertThat(browser.find(By.id("cloud-docs")).getAttribute("href"))
                .isEqualTo("https://learn.microsoft.com/en-us/graph/auth-v2-service");
        browser.screenshot("10-cloud-integration");
        try (var files = Files.list(SCREENSHOTS)) {
            assertThat(files.count()).isGreaterThanOrEqualTo(10);
        }
    }

    /** The form's sections, in the order of the page. */
    private static List<String> sections() {
        return browser.driver().findElements(By.cssSelector("#integration-form section")).stream()
                .map(section -> section.getAttribute("id")).toList();
    }
}
