package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.EntraEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in › a page's own template: the editor, the sandboxed preview, save, back to built-in, a broken file. */
class PageTemplatePagesTest {

    @TempDir
    Path home;
    private AdminWebFixture admin;

    @BeforeEach
    void start() {
        admin = new AdminWebFixture(home, LanyardConfiguration.empty(), AdminWebFixture.filesOnly(),
                EntraEndpoints.NATIONAL_CLOUDS);
    }

    @Test
    void theSignInTabListsEachPageAsBuiltInWithALinkToItsEditor() throws Exception {
        AdminHttp.Response page = admin.get("/signin");

        assertThat(page.body()).contains("id=\"page-chooser\" data-state=\"BUILT_IN\"")
                .contains("id=\"page-error\" data-state=\"BUILT_IN\"")
                .contains("href=\"/jira/plugins/servlet/lanyard/admin/signin/page/logged-out\"");
    }

    @Test
    void aSavedTemplateIsWrittenToLanyardsFolderAndShownAsTheAdministrators() throws Exception {
        AdminHttp.Response saved = admin.post("/signin/page/logged-out",
                Map.of("action", "save", "source", "<h1>Bye from {{productName}}</h1>"));

        assertThat(saved.status).isEqualTo(303);
        assertThat(Files.readString(home.resolve("page-logged-out.html"))).isEqualTo("<h1>Bye from {{productName}}</h1>");
        assertThat(admin.get("/signin").body()).contains("id=\"page-logged-out\" data-state=\"CUSTOM\"");
        assertThat(admin.audited).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(io.lanyard.core.audit.AuditEventType.SETTINGS_CHANGED);
            assertThat(event.details()).containsEntry("page", "logged-out").containsEntry("template", "saved");
        });
        assertThat(admin.get("/signin/page/logged-out").body())
                .contains("&lt;h1&gt;Bye from {{productName}}&lt;/h1&gt;</textarea>");

        admin.post("/signin/page/logged-out", Map.of("action", "remove"));

        assertThat(home.resolve("page-logged-out.html")).doesNotExist();
        assertThat(admin.get("/signin").body()).contains("id=\"page-logged-out\" data-state=\"BUILT_IN\"");
    }

    @Test
    void aTemplateThatCannotBeUsedIsRefusedWithItsCodeAndNothingIsWritten() throws Exception {
        AdminHttp.Response refused = admin.post("/signin/page/chooser",
                Map.of("action", "save", "source", "<p>{{<script>alert(1)</script>}}</p>"));

        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"template-failure\"").contains("LNY-810")
                .doesNotContain("<script>alert(1)</script>")
                .contains("&lt;p&gt;{{&lt;script&gt;alert(1)&lt;/script&gt;}}&lt;/p&gt;</textarea>");
        assertThat(home.resolve("page-chooser.html")).doesNotExist();
    }

    @Test
    void thePreviewRendersSampleValuesEscapedUnderASandboxPolicy() throws Exception {
        AdminHttp.Response preview = admin.post("/signin/page/chooser/preview",
                Map.of("source", "<ul>{{#providers}}<li><a href=\"{{url}}\">{{name}}</a></li>{{/providers}}</ul>"
                        + "<script>document.title='x'</script>"));

        assertThat(preview.status).isEqualTo(200);
        assertThat(preview.body()).contains("<a href=\"/jira/plugins/servlet/lanyard/login/corporate\">Corporate</a>")
                .contains("Contractors");
        assertThat(preview.headers.get("Content-Security-Policy")).startsWith("sandbox;")
                .contains("default-src 'none'");
    }

    @Test
    void aPreviewOfABrokenTemplateSaysWhy() throws Exception {
        AdminHttp.Response preview = admin.post("/signin/page/error/preview", Map.of("source", "{{<b>x</b>}}"));

        assertThat(preview.status).isEqualTo(400);
        assertThat(preview.body()).contains("id=\"preview-problem\"").contains("LNY-810").doesNotContain("<b>x</b>");
    }

    @Test
    void aFileBrokenByHandIsShownWithItsProblemWhilePeopleGetTheBuiltInPage() throws Exception {
        Files.writeString(home.resolve("page-error.html"), "<p>{{nope}}</p>");

        assertThat(admin.get("/signin").body()).contains("id=\"page-error\" data-state=\"BROKEN\"")
                .contains("LNY-810").contains("{{nope}}");
        assertThat(admin.get("/signin/page/error").body()).contains("id=\"template-problem\"");
    }

    @Test
    void anUnknownPageIsNotFound() throws Exception {
        assertThat(admin.get("/signin/page/nope").status).isEqualTo(404);
        assertThat(admin.post("/signin/page/chooser/other", Map.of("source", "")).status).isEqualTo(404);
    }
}
