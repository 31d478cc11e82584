package io.lanyard.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.xml.PageTemplateStore;
import io.lanyard.core.signin.EmergencyAccessFile;
import io.lanyard.core.signin.SignInPage;
import io.lanyard.sandbox.RunningSandbox;
import io.lanyard.sandbox.Sandbox;
import io.lanyard.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sign-in experience in headless Chromium, on the sandbox as its command line starts it (two built-in providers,
 * the second "Contractors" under its own issuer; single sign-on enforced; emergency access for system administrators):
 * the chooser, e-mail routing, remember my choice, emergency access allowed and refused, the time-boxed opening by the
 * emergency file, and the loop breaker. (In this package to share {@link AdminBrowser} with the admin browser tests.)
 */
class SignInBrowserTest {

    @TempDir
    static Path home;
    private static RunningSandbox sandbox;
    private static AdminBrowser browser;

    @RegisterExtension
    static final PageOnFailure PAGE_ON_FAILURE =
            new PageOnFailure(() -> browser == null ? null : browser.driver(), AdminBrowserTest.SCREENSHOTS);

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.onFreePorts(home).withSignInDemo());
        browser = new AdminBrowser(sandbox.baseUrl(), AdminBrowserTest.SCREENSHOTS);
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

    @BeforeEach
    void freshBrowser() throws Exception {
        browser.driver().manage().deleteAllCookies();
        Files.deleteIfExists(sandbox.lanyardDirectory().resolve(EmergencyAccessFile.FILE_NAME));
        for (SignInPage page : SignInPage.values()) {
            Files.deleteIfExists(sandbox.lanyardDirectory().resolve(PageTemplateStore.fileName(page.id())));
        }
    }

    private void waitForProviderSignIn() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
    }

    private void signInAtProvider(String username) {
        waitForProviderSignIn();
        browser.find(By.name("username")).sendKeys(username);
        browser.clickToLoad(By.cssSelector("#sign-in button[type=submit]"));
    }

    private void logInLocally(String username) {
        browser.open("/login?lanyard_native=1");
        browser.find(By.name("username")).sendKeys(username);
        browser.find(By.name("password")).sendKeys(username);
        browser.clickToLoad(By.cssSelector("#local-login button[type=submit]"));
    }

    /** Types {@code source} into the template editor as a person would paste it (braces and all). */
    private void enterTemplate(String source) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find(By.id("template-source")), source);
    }

    private Object script(String expression) {
        return ((JavascriptExecutor) browser.driver()).executeScript("return " + expression + ";");
    }

    private String heading() {
        return browser.find(By.tagName("h1")).getText();
    }

    @Test
    void theChooserOffersBothProvidersAndTheDeepLinkSurvivesTheLogin() {
        browser.open("/pages/projects?tab=all");

        assertThat(browser.driver().getCurrentUrl()).contains("/plugins/servlet/lanyard/login");
        assertThat(browser.find(By.cssSelector(".providers")).getText()).contains("Sandbox identity provider")
                .contains("Contractors");
        browser.screenshot("signin-01-chooser");
        browser.clickToLoad(By.xpath("//button[contains(., 'Contractors')]"));
        assertThat(browser.driver().getCurrentUrl()).contains("/contractors/authorize");
        signInAtProvider("alice");

        assertThat(heading()).isEqualTo("Logged in as alice");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/pages/projects?tab=all");
    }

    @Test
    void anEmailAddressIsRoutedToItsDomainsProviderWithTheAddressAsLoginHint() {
        browser.open("/login");
        browser.find(By.id("chooser-email")).sendKeys("bob@contractors.example.com");
        browser.clickToLoad(By.id("chooser-email-continue"));

        waitForProviderSignIn();
        assertThat(browser.driver().getCurrentUrl()).contains("/contractors/authorize")
                .contains("login_hint=bob%40contractors.example.com");

        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.find(By.id("chooser-email")).sendKeys("alice@example.com");
        browser.clickToLoad(By.id("chooser-email-continue"));
        waitForProviderSignIn();
        assertThat(browser.driver().getCurrentUrl()).contains("/sandbox/authorize");

        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.find(By.id("chooser-email")).sendKeys("eve@elsewhere.net");
        browser.clickToLoad(By.id("chooser-email-continue"));
        assertThat(browser.text("chooser-problem")).isEqualTo("No sign-in is set up for this e-mail address");
    }

    @Test
    void rememberMyChoiceSkipsTheChooserNextTime() {
        browser.open("/login");
        browser.find(By.id("chooser-remember")).click();
        browser.clickToLoad(By.xpath("//button[contains(., 'Contractors')]"));
        signInAtProvider("bob");
        assertThat(heading()).isEqualTo("Logged in as bob");

        browser.open("/logout");
        browser.open("/pages/projects");

        waitForProviderSignIn();
        assertThat(browser.driver().getCurrentUrl()).contains("/contractors/authorize");
    }

    @Test
    void withSsoEnforcedTheAdministratorGetsInThroughTheFormAndAliceIsRefused() {
        logInLocally("admin");
        browser.open("/rest/sandbox/1/whoami");
        assertThat(browser.find(By.tagName("body")).getText()).contains("admin");

        browser.driver().manage().deleteAllCookies();
        logInLocally("alice");
        assertThat(browser.find(By.tagName("body")).getText()).contains("LNY-801").contains("Sign in with single sign-on");
        browser.screenshot("signin-02-emergency-refused");
        browser.open("/rest/sandbox/1/whoami");
        assertThat(browser.find(By.tagName("body")).getText()).doesNotContain("alice");
    }

    @Test
    void anAdministratorsOwnChooserShowsInjectedScriptsAsTextAndABrokenOneGivesTheBuiltInPage() throws Exception {
        logInLocally("admin");
        browser.open("/plugins/servlet/lanyard/admin/signin/page/chooser");
        // a script as a variable's name: refused at save, nothing written
        enterTemplate("<p>{{<script>window.pwnedByName = 1</script>}}</p>");
        browser.clickToLoad(By.id("template-save"));
        assertThat(browser.text("template-failure")).contains("LNY-810");
        assertThat(sandbox.lanyardDirectory().resolve("page-chooser.html")).doesNotExist();

        enterTemplate("<!DOCTYPE html><html><head><title>ACME sign-in</title></head><body>"
                + "<h1 id=\"acme\">ACME {{productName}}</h1>"
                + "{{#problem}}<p id=\"acme-problem\">{{problem}}: <span id=\"acme-typed\">{{typedEmail}}</span></p>"
                + "{{/problem}}<form action=\"{{action}}\" method=\"get\"><input id=\"acme-email\" name=\"email\" "
                + "value=\"{{typedEmail}}\"><button id=\"acme-go\" type=\"submit\">Go</button></form>"
                + "{{#providers}}<a class=\"acme-provider\" href=\"{{url}}\">{{name}}</a> {{/providers}}</body></html>");
        browser.find(By.id("template-preview")).click();
        browser.driver().switchTo().frame("template-preview-frame");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("acme")));
        assertThat(browser.find(By.id("acme")).getText()).isEqualTo("ACME Lanyard sandbox");
        browser.driver().switchTo().defaultContent();
        browser.screenshot("signin-06-template-preview");
        browser.clickToLoad(By.id("template-save"));
        assertThat(browser.find(By.id("page-chooser")).getAttribute("data-state")).isEqualTo("CUSTOM");

        // a script in a value: what a visitor typed comes back as text, in the element and in the attribute
        browser.driver().manage().deleteAllCookies();
        String hostile = "\"><script>window.pwnedByValue = 1</script><img src=x onerror=\"window.pwnedByValue = 2";
        browser.open("/login");
        assertThat(browser.find(By.id("acme")).getText()).isEqualTo("ACME Lanyard sandbox");
        assertThat(browser.driver().findElements(By.className("acme-provider"))).extracting(e -> e.getText())
                .containsExactly("Sandbox identity provider", "Contractors");
        browser.find(By.id("acme-email")).sendKeys(hostile);
        browser.clickToLoad(By.id("acme-go"));
        assertThat(browser.text("acme-typed")).isEqualTo(hostile);
        assertThat(browser.find(By.id("acme-email")).getAttribute("value")).isEqualTo(hostile);
        assertThat(script("window.pwnedByValue")).isNull();
        assertThat(browser.driver().findElements(By.tagName("script"))).isEmpty();
        browser.screenshot("signin-07-own-chooser");

        // a file broken by hand (a script as a name): the built-in chooser, never a blank page, and no script
        Files.writeString(sandbox.lanyardDirectory().resolve("page-chooser.html"),
                "<p>{{<script>window.pwnedByName = 1</script>}}</p>");
        browser.open("/login");
        assertThat(browser.find(By.cssSelector(".providers")).getText()).contains("Contractors");
        assertThat(script("window.pwnedByName")).isNull();
        browser.driver().manage().deleteAllCookies();
        logInLocally("admin");
        browser.open("/plugins/servlet/lanyard/admin/signin");
        assertThat(browser.find(By.id("page-chooser")).getAttribute("data-state")).isEqualTo("BROKEN");
        assertThat(browser.find(By.id("page-chooser")).getText()).contains("LNY-810");
    }

    @Test
    void webSudoIsConfirmedAtTheProviderByTheSamePersonAndNobodyElse() {
        browser.open("/secure/admin");
        browser.clickToLoad(By.xpath("//button[contains(., 'Sandbox identity provider')]"));
        signInAtProvider("bob");
        // the area wants WebSudo; its prompt sends bob, signed in through the provider, back there
        waitForProviderSignIn();
        assertThat(browser.driver().getCurrentUrl()).contains("prompt=login").contains("max_age=0");
        signInAtProvider("bob");
        assertThat(browser.text("websudo-area")).isEqualTo("Administration (WebSudo) as bob");
        browser.screenshot("signin-08-websudo");

        browser.driver().manage().deleteAllCookies();
        browser.open("/secure/admin");
        browser.clickToLoad(By.xpath("//button[contains(., 'Sandbox identity provider')]"));
        signInAtProvider("bob");
        signInAtProvider("alice");
        assertThat(browser.find(By.tagName("body")).getText()).contains("LNY-808");
        browser.open("/secure/admin");
        assertThat(browser.exists(By.id("websudo-area"))).isFalse();
    }

    @Test
    void theEmergencyFileOpensTheFormToEveryoneForAWhile() throws Exception {
        Files.writeString(sandbox.lanyardDirectory().resolve(EmergencyAccessFile.FILE_NAME), "30\n");

        logInLocally("alice");

        browser.open("/rest/sandbox/1/whoami");
        assertThat(browser.find(By.tagName("body")).getText()).contains("alice");
    }

    @Test
    void anAdministratorOpensTheFormForAWhileFromTheAdminPageAndAliceGetsIn() {
        logInLocally("admin");
        browser.open("/plugins/servlet/lanyard/admin/signin");
        browser.find(By.id("open-minutes")).clear();
        browser.find(By.id("open-minutes")).sendKeys("15");
        browser.clickToLoad(By.id("open-time-box"));
        assertThat(browser.exists(By.id("open-until"))).isTrue();
        browser.screenshot("signin-04-time-box");

        browser.driver().manage().deleteAllCookies();
        logInLocally("alice");
        browser.open("/rest/sandbox/1/whoami");
        assertThat(browser.find(By.tagName("body")).getText()).contains("alice");

        browser.driver().manage().deleteAllCookies();
        logInLocally("admin");
        browser.open("/plugins/servlet/lanyard/admin/signin");
        browser.clickToLoad(By.id("close-time-box"));
        browser.driver().manage().deleteAllCookies();
        logInLocally("alice");
        assertThat(browser.find(By.tagName("body")).getText()).contains("LNY-801");
    }

    @Test
    void aBrowserThatKeepsStartingLoginsIsStoppedWithAPage() {
        for (int i = 0; i < 5; i++) {
            browser.open("/plugins/servlet/lanyard/login?idp=" + sandbox.configuration().identityProviders().get(0).id());
            waitForProviderSignIn();
        }

        browser.open("/plugins/servlet/lanyard/login?idp=" + sandbox.configuration().identityProviders().get(0).id());

        assertThat(browser.find(By.tagName("body")).getText()).contains("LNY-800");
        assertThat(browser.find(By.id("local-login")).getAttribute("href")).contains("lanyard_native=1");
        browser.screenshot("signin-03-loop");
    }
}
