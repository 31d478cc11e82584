package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's "done when", as README's walk-through does it over real HTTP: bob is refused, and an administrator finds
 * why from the admin pages alone (Events, Health, the support zip).
 */
class SandboxWhyCantBobTest {

    private static final Pattern REFERENCE = Pattern.compile("<dd class=\"reference\">([A-Z2-7]{10})</dd>");

    @TempDir
    static Path home;
    private static RunningSandbox sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.onFreePorts(home));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static URI at(String pathAndQuery) {
        return URI.create(sandbox.baseUrl() + pathAndQuery);
    }

    @Test
    void anAdministratorFindsWhyBobCannotSignInFromTheAdminPagesAlone() throws Exception {
        // README step 1: the provider restricted to two accounts, by hand in provider.xml
        Path providerXml = sandbox.lanyardDirectory().resolve("provider.xml");
        String xml = Files.readString(providerXml, StandardCharsets.UTF_8);
        String restricted = xml.replaceFirst("<ALLOWED_USERNAMES\\s*/>|<ALLOWED_USERNAMES></ALLOWED_USERNAMES>",
                "<ALLOWED_USERNAMES>alice|admin</ALLOWED_USERNAMES>");
        assertThat(restricted).isNotEqualTo(xml);
        Files.writeString(providerXml, restricted, StandardCharsets.UTF_8);

        Browser bob = new Browser();
        Browser.Page refused = bob.signInAtProvider(bob.open(at("/")), "bob");
        assertThat(refused.body()).contains("LNY-803");
        Matcher reference = REFERENCE.matcher(refused.body());
        assertThat(reference.find()).isTrue();

        Browser admin = new Browser();
        admin.signInAtProvider(admin.open(at("/")), "admin");
        Browser.Page events = admin.get(at("/plugins/servlet/lanyard/admin/events?user=bob"));

        assertThat(events.status()).isEqualTo(200);
        assertThat(events.body()).contains("LOGIN_FAILED").contains("LNY-803").contains(reference.group(1));

        Browser.Page health = admin.get(at("/plugins/servlet/lanyard/admin/health"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("class=\"last-success\"").contains("LNY-803")
                .contains("id=\"health-open-emergency\"");

        Browser.Page csv = admin.get(at("/plugins/servlet/lanyard/admin/events/export.csv?user=bob"));
        assertThat(csv.body()).contains(",LOGIN_FAILED,bob,").contains("LNY-803");
    }

    /** "Test sign-in" from Health, in the administrator's browser: each step, the claims, nobody logged in by it. */
    @Test
    void anAdministratorTestsTheSignInOfAnotherPersonWithoutLoggingAnyoneIn() throws Exception {
        Browser admin = new Browser();
        admin.signInAtProvider(admin.open(at("/")), "admin");
        String health = admin.get(at("/plugins/servlet/lanyard/admin/health")).body();
        Matcher link = Pattern.compile("class=\"test-sign-in\" href=\"([^\"]+)\"").matcher(health);
        assertThat(link.find()).isTrue();
        String testUrl = link.group(1).replace("&amp;", "&");

        Browser.Page report = admin.signInAtProvider(admin.open(at(testUrl)), "alice");

        assertThat(report.body()).contains("Test sign-in").contains("data-passed=\"true\"")
                .contains("<th>sub</th><td>alice</td>").contains("<dt>account</dt><dd>exists</dd>")
                .doesNotContain("eyJ");
        // the administrator is still the administrator: the test logged nobody in
        assertThat(admin.get(at("/rest/sandbox/1/whoami")).body()).contains("\"username\":\"admin\"");
        // the link works once
        assertThat(admin.open(at(testUrl)).body()).contains("LNY-705");
    }
}
