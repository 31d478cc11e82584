package io.lanyard.sandbox.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.config.xml.ProviderXml;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.sandbox.RunningSandbox;
import io.lanyard.sandbox.Sandbox;
import io.lanyard.sandbox.SandboxOptions;
import io.lanyard.sandbox.TestSandboxes;
import io.lanyard.sandbox.idp.ClientSecretFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Cloud integration page and the client secret section in headless Chromium, in a sandbox started with an
 * injected environment: the built-in provider's secret comes from its per-id environment variable, and connector
 * tests go to WireMock standing in for Entra ID and Microsoft Graph ({@code --entra-stand-in}), never the internet.
 * Besides the numbered screenshots, {@code idp-integration.png} and {@code cloud-integration.png} are whole pages,
 * the pictures docs/images/ holds for the README.
 */
class CloudIntegrationBrowserTest {

    private static final Path SCREENSHOTS = AdminBrowserTest.SCREENSHOTS;
    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    private static final String CONNECTOR_SECRET = "Typed-Connector-Secret~42";

    @TempDir
    static Path home;
    private static WireMockServer entra;
    private static RunningSandbox sandbox;
    private static AdminBrowser browser;
    private static String providerId;
    private static String providerSecret;

    @RegisterExtension
    static final PageOnFailure PAGE_ON_FAILURE =
            new PageOnFailure(() -> browser == null ? null : browser.driver(), SCREENSHOTS);

    @BeforeAll
    static void start() throws Exception {
        entra = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        entra.start();
        entra.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_secret", equalTo(CONNECTOR_SECRET))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"app-token\"}")));
        entra.stubFor(get(urlPathEqualTo("/v1.0/organization")).withHeader("Authorization", equalTo("Bearer app-token"))
                .willReturn(okJson("{\"value\":[{\"id\":\"0a1b2c3d-4e5f-6789-abcd-ef0123456789\","
                        + "\"displayName\":\"Contoso Ltd\"}]}")));

        // A first start writes provider.xml with the built-in provider; its id names the variable of the second.
        try (RunningSandbox first = Sandbox.start(SandboxOptions.onFreePorts(home))) {
            providerId = IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER,
                    first.lanyardDirectory()).load().get(0).id();
        }
        providerSecret = ClientSecretFile.loadOrCreate(home).reveal();
        sandbox = TestSandboxes.start(
                SandboxOptions.onFreePorts(home).withEntraStandIn(URI.create("http://127.0.0.1:" + entra.port())),
                Map.of(SecretPropertyNames.identityProvider(providerId), providerSecret));
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
        if (entra != null) {
            entra.stop();
        }
    }

    private static List<EntraConnectorConfig> storedConnectors() {
        return IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR, sandbox.lanyardDirectory()).loadIfExists();
    }

    @Test
    void anAdministratorAddsAnEntraIdConnectorAndItsTestReadsTheOrganizationFromTheStandIn() {
        browser.logInLocally("admin");
        browser.clickToLoad(By.id("lanyard-admin"));
        browser.clickToLoad(By.id("tab-cloud"));
        assertThat(browser.driver().getTitle()).startsWith("Cloud integration");
        assertThat(browser.exists(By.id("no-connectors"))).isTrue();
        browser.screenshot("11-cloud-empty");

        // Refused first: the error beside its field, what was typed kept, the secret not.
        browser.clickToLoad(By.id("add-connector"));
        String propertyName = browser.text("secret-property-name");
        assertThat(propertyName).matches("ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_[a-z0-9]{12}"
                + "_CLIENTSECRET");
        assertThat(browser.text("secret-source-label")).isEqualTo("Not set");
        browser.type("displayName", "Contoso directory");
        browser.type("tenantId", TENANT);
        browser.type("clientId", "not-a-guid");
        browser.type("clientSecret", CONNECTOR_SECRET);
        assertThat(sectionsOfTheForm()).containsExactly("section-connector", "section-app", "secret-section",
                "section-cloud", "section-sync");
        assertThat(browser.find(By.id("field-graphBaseUrl")).isDisplayed()).isFalse();
        browser.clickToLoad(By.id("save-integration"));
        assertThat(browser.driver().findElements(By.cssSelector("#form-errors li a")))
                .extracting(WebElement::getText).containsExactly("Application (client) ID");
        assertThat(browser.find(By.cssSelector(".error[data-field=clientId]")).getText()).contains("GUID");
        assertThat(browser.value("displayName")).isEqualTo("Contoso directory");
        assertThat(browser.value("clientSecret")).isEmpty();
        assertThat(browser.pageSource()).doesNotContain(CONNECTOR_SECRET);
        browser.screenshot("12-cloud-validation-errors");

        browser.type("clientId", CLIENT_ID);
        browser.type("clientSecret", CONNECTOR_SECRET);
        new Select(browser.find(By.id("field-nationalCloud"))).selectByValue("GLOBAL");
        browser.clickToLoad(By.id("save-integration"));
        assertThat(browser.text("saved-message")).contains("Contoso directory");
        assertThat(storedConnectors()).hasSize(1);
        String id = storedConnectors().get(0).id();
        assertThat(propertyName).isEqualTo(SecretPropertyNames.connector(id));
        // The lozenge is upper case on screen (AUI); the text is the specification's.
        assertThat(browser.find(By.cssSelector("tr[data-connector-id='" + id + "'] .connector-secret"))
                .getAttribute("textContent").strip()).isEqualTo("Configuration file");
        browser.screenshot("13-cloud-list");

        // Test: a client-credentials token from the stand-in's token endpoint, then Graph's organization, shown
        // below the connector's row.
        browser.clickToLoad(By.cssSelector("tr[data-connector-id='" + id + "'] .connector-test"));
        assertThat(browser.find(By.cssSelector("tr.lanyard-test-row #connector-check-result"))
                .getAttribute("data-passed")).isEqualTo("true");
        assertThat(browser.text("connector-organization")).isEqualTo("Contoso Ltd");
        assertThat(browser.exists(By.id("integration-form"))).isFalse();
        assertThat(browser.pageSource()).doesNotContain(CONNECTOR_SECRET).doesNotContain("app-token");
        entra.verify(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("scope", equalTo("https://graph.microsoft.com/.default")));
        browser.screenshot("14-cloud-test-passed");
        browser.fullPageScreenshot("cloud-integration");
    }

    /** Whether the field's help text starts to the right of the field, on the field's line. */
    private static boolean helpBesideItsField(String name) {
        WebElement field = browser.find(By.id("field-" + name));
        WebElement help = browser.find(By.id("help-" + name));
        return help.getLocation().getX() >= field.getLocation().getX() + field.getSize().getWidth()
                && Math.abs(help.getLocation().getY() - field.getLocation().getY()) < field.getSize().getHeight();
    }

    private static List<String> sectionsOfTheForm() {
        return browser.driver().findElements(By.cssSelector("#integration-form section")).stream()
                .map(section -> section.getAttribute("id")).toList();
    }

    @Test
    void aSecretFromAnEnvironmentVariableIsShownAsStaticEnvironmentPropertyAndSaveWritesThePlaceholder()
            throws Exception {
        String variable = SecretPropertyNames.identityProvider(providerId);
        browser.logInLocally("admin");
        browser.open("/plugins/servlet/lanyard/admin/idp/" + providerId);

        assertThat(browser.text("secret-source-label")).isEqualTo("Static Environment Property");
        assertThat(browser.text("secret-origin")).contains("environment variable");
        assertThat(browser.text("secret-property-used")).isEqualTo(variable);
        assertThat(browser.text("secret-property-name")).isEqualTo(variable);
        // Long names stay whole on one line (scrolling sideways if need be), never broken mid-word.
        for (WebElement name : browser.driver().findElements(By.cssSelector("#secret-section code.lanyard-whole"))) {
            assertThat(name.getCssValue("white-space")).isEqualTo("nowrap");
            assertThat(name.getSize().getHeight()).as(name.getText()).isLessThan(40);
        }
        assertThat(browser.text("secret-section"))
                .contains("The names begin with ORG_KANTEGA_ATLASKERB_ because they are the names already documented");
        assertThat(browser.text("secret-save-note")).contains("USING_ENVIRONMENT_PROPERTY");
        assertThat(browser.exists(By.id("field-clientSecret"))).isFalse();
        assertThat(browser.pageSource()).doesNotContain(providerSecret);
        Path providerXml = sandbox.lanyardDirectory().resolve(ProviderXml.FILE_NAME);
        assertThat(Files.readString(providerXml)).contains(providerSecret);
        browser.fullPageScreenshot("idp-integration");
        // Each help text beside its field where there is room, below it where there is not.
        assertThat(helpBesideItsField("displayName")).isTrue();
        Dimension wide = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(820, wide.getHeight()));
        try {
            assertThat(helpBesideItsField("displayName")).isFalse();
            WebElement field = browser.find(By.id("field-displayName"));
            assertThat(browser.find(By.id("help-displayName")).getLocation().getY())
                    .isGreaterThanOrEqualTo(field.getLocation().getY() + field.getSize().getHeight());
            browser.screenshot("16-idp-form-narrow-window");
        } finally {
            browser.driver().manage().window().setSize(wide);
        }
        browser.scrollTo(By.id("secret-section"));
        browser.screenshot("15-idp-secret-from-environment");

        browser.clickToLoad(By.id("save-integration"));
        assertThat(browser.find(By.id("saved-message")).isDisplayed()).isTrue();
        assertThat(Files.readString(providerXml))
                .contains("<CLIENT_SECRET>USING_ENVIRONMENT_PROPERTY</CLIENT_SECRET>").doesNotContain(providerSecret);

        // The secret in use still comes from the variable: alice signs in as before.
        browser.driver().manage().deleteAllCookies();
        browser.open("/pages/projects");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
        browser.find(By.name("username")).sendKeys("alice");
        browser.clickToLoad(By.cssSelector("#sign-in button[type=submit]"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Logged in as alice");
    }
}
