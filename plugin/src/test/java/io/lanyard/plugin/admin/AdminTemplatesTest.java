package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.plugin.web.LanyardText;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminTemplatesTest {

    /** Also prints what loading the precompiled templates and the first render cost in a fresh JVM (for BENCHMARKS.md). */
    @Test
    void precompiledTemplatesLoadAndRenderTheRefusalPageEscaped() {
        long start = System.nanoTime();
        AdminTemplates templates = new AdminTemplates(LanyardText.english().asMap());
        long loaded = System.nanoTime();
        String html = templates.render("refusal", Map.of("code", "LNY-701", "title", "<T>", "advice", "a&b",
                "frame", Map.of("contextPath", "", "adminBase", "/a", "decorator", "", "stylesheets", java.util.List.of(),
                        "ownCss", trusted("/a/static/lanyard-admin.css"), "ownJs", trusted("/a/static/lanyard-admin.js"),
                        "tab", "", "xsrf", "")));
        long rendered = System.nanoTime();
        templates.render("refusal", Map.of("code", "LNY-701", "title", "t", "advice", "a",
                "frame", Map.of("contextPath", "", "adminBase", "/a", "decorator", "atl.admin", "stylesheets",
                        java.util.List.of(), "ownCss", trusted("/c"), "ownJs", trusted("/j"), "tab", "", "xsrf", "")));
        long second = System.nanoTime();
        System.out.printf("soy: load %.1f ms, first render %.1f ms, second render %.2f ms%n",
                (loaded - start) / 1e6, (rendered - loaded) / 1e6, (second - rendered) / 1e6);

        assertThat(html).contains("&lt;T&gt;").contains("a&amp;b").contains("LNY-701").doesNotContain("<T>");
    }

    private static Object trusted(String url) {
        return com.google.template.soy.data.SanitizedContents.fromTrustedResourceUrl(
                new com.google.common.html.types.TrustedResourceUrlBuilder(url).build());
    }
}
