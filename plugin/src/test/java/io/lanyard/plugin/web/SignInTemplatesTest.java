package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.signin.CustomPages;
import io.lanyard.core.signin.SignInPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sign-in pages rendered by the Soy templates: the product's name, readable on a phone, AUI's classes, and every
 * failure page (the loop breaker's and the emergency refusals included) keeping its code and reference.
 */
class SignInTemplatesTest {

    private final LanyardText text = LanyardText.english();
    private final SignInTemplates jira = new SignInTemplates(text, "Jira");

    @Test
    void namesTheProductsAsPeopleKnowThem() {
        assertThat(SignInTemplates.productName(HostProduct.JIRA)).isEqualTo("Jira");
        assertThat(SignInTemplates.productName(HostProduct.CONFLUENCE)).isEqualTo("Confluence");
        assertThat(SignInTemplates.productName(HostProduct.BITBUCKET)).isEqualTo("Bitbucket");
        assertThat(SignInTemplates.productName(HostProduct.BAMBOO)).isEqualTo("Bamboo");
        assertThat(SignInTemplates.productName("something-else")).isEmpty();
        assertThat(SignInTemplates.productName(null)).isEmpty();
    }

    @Test
    void theLoggedOutPageCarriesTheProductsNameAndIsReadableOnAPhone() {
        String html = jira.render(SignInPage.LOGGED_OUT, Map.of("signInAgainUrl", "/jira/login.jsp"));

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<title>You are signed out - Jira</title>")
                .contains("<header class=\"lanyard-signin-header\" id=\"product-name\">Jira</header>")
                .contains("@media (max-width:480px)")
                .contains("class=\"aui-button aui-button-primary\" href=\"/jira/login.jsp\"");
    }

    @Test
    void withoutAProductNameThereIsNoEmptyHeader() {
        String html = SignInTemplates.unnamed(text).render(SignInPage.LOGGED_OUT, Map.of("signInAgainUrl", "/login"));

        assertThat(html).contains("<title>You are signed out</title>").doesNotContain("product-name");
    }

    @Test
    void aHostileProductNameOrUrlIsEscapedByTheTemplate() {
        String html = new SignInTemplates(text, "<script>alert(1)</script>")
                .render(SignInPage.LOGGED_OUT, Map.of("signInAgainUrl", "javascript:alert(1)"));

        assertThat(html).doesNotContain("<script>").doesNotContain("javascript:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"LOGIN_LOOP_DETECTED", "EMERGENCY_LOGIN_REFUSED",
            "PASSWORD_LOGIN_OFF"})
    void theLoopAndEmergencyPagesKeepTheirCodeReferenceAndTheLocalLogin(ErrorCode code) throws Exception {
        ErrorPage page = new ErrorPage(LoginPage.JIRA, text, new ErrorPageRenderer(jira));
        FakeHttp.Request request = new FakeHttp.Request("POST", "/jira", "/login.jsp");
        FakeHttp.Response response = new FakeHttp.Response();

        page.show(request.mock, response.mock, new LanyardException(code, "x"), null);

        assertThat(response.body()).contains("<dd class=\"code\">" + code.code() + "</dd>")
                .containsPattern("<dd class=\"reference\">[A-Z2-7]{10}</dd>")
                .contains("<title>" + Html.escape(text.title(code)) + " - Jira</title>")
                .contains("id=\"local-login\" class=\"aui-button\" href=\"/jira/login.jsp?lanyard_native=1\"")
                .contains("<meta name=\"viewport\"");
    }

    @TempDir
    Path home;

    @Test
    void theAdministratorsTemplateReplacesTheBuiltInPageWithEveryValueEscaped() throws Exception {
        CustomPages custom = CustomPages.in(Optional.of(home));
        custom.save(SignInPage.ERROR, "<div class=\"acme\">{{productName}}: {{title}} <b>{{code}}</b> {{reference}}</div>");
        ErrorPage page = new ErrorPage(LoginPage.JIRA, text, new ErrorPageRenderer(
                new SignInTemplates(text, "<Jira>", custom)));
        FakeHttp.Response response = new FakeHttp.Response();

        page.show(new FakeHttp.Request("GET", "/jira", "/x").mock, response.mock, new LanyardException(
                ErrorCode.LOGIN_LOOP_DETECTED, "x"), null);

        assertThat(response.body()).startsWith("<div class=\"acme\">&lt;Jira&gt;: ")
                .contains("<b>LNY-800</b>").containsPattern("[A-Z2-7]{10}</div>$");
    }

    @Test
    void aTemplateBrokenByHandGivesTheBuiltInPageNeverABlankOne() throws Exception {
        Files.writeString(home.resolve("page-logged-out.html"), "<p>{{<script>alert(1)</script>}}</p>");
        SignInTemplates templates = new SignInTemplates(text, "Jira", CustomPages.in(Optional.of(home)));

        String html = templates.render(SignInPage.LOGGED_OUT, Map.of("signInAgainUrl", "/jira/login.jsp"));

        assertThat(html).contains("<title>You are signed out - Jira</title>").doesNotContain("<script>");
    }

    @Test
    void theErrorPageShowsTheProvidersAnswerOnlyWhenThereIsOne() {
        ErrorPageModel model = new ErrorPageModel(502, "LNY-402", "t", "a", "ABCDEFGHIJ", Optional.of("access_denied"),
                "/login", "/login?lanyard_native=1");

        assertThat(new ErrorPageRenderer(jira).render(model)).contains("<dd class=\"provider-error\">access_denied</dd>");
        assertThat(new ErrorPageRenderer(jira).render(new ErrorPageModel(502, "LNY-402", "t", "a", "ABCDEFGHIJ",
                Optional.empty(), "/login", "/login?lanyard_native=1"))).doesNotContain("provider-error");
    }
}
