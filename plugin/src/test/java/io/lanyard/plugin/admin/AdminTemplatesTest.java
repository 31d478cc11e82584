package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.plugin.web.LanyardText;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compiled templates, rendered from the reduced jar of lanyard-admin-templates (Soy's runtime shrunk to what they
 * reach, without ICU's data): every template of admin.soy renders, and the plugin's classpath really is the reduced
 * one, so the rest of the plugin's tests render the pages against it too.
 */
class AdminTemplatesTest {

    private static final String INJECTION = "<script>alert(1)</script>";

    private final AdminTemplateSamples samples = new AdminTemplateSamples(INJECTION);
    private final AdminTemplates templates = samples.templates;

    private static Map<String, Object> frame(String tab) {
        return AdminTemplateSamples.frame(tab);
    }

    @Test
    void everyTemplateOfAdminSoyRendersWithEveryValueEscaped() throws IOException {
        Map<String, Map<String, Object>> data = samples.everyTemplate();

        assertThat(data.keySet()).as("a new template needs its data in AdminTemplateSamples")
                .containsExactlyInAnyOrderElementsOf(AdminTemplateSamples.templateNames());
        for (Map.Entry<String, Map<String, Object>> template : data.entrySet()) {
            String html = templates.render(template.getKey(), template.getValue());
            assertThat(html).as(template.getKey()).isNotBlank().doesNotContain(INJECTION);
        }
    }

    @Test
    void thePluginRendersWithTheReducedSoyRuntimeNotWithSoyAndItsDependencies() {
        ClassLoader loader = AdminTemplatesTest.class.getClassLoader();

        // Soy's compiler is not in the reduced jar, and neither is ICU's locale data.
        assertThatThrownBy(() -> Class.forName("com.google.template.soy.SoyFileSet", false, loader))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("com.google.template.soy.jssrc.internal.JsSrcMain", false, loader))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(loader.getResource("com/ibm/icu/impl/data/icudt73b/root.res")).isNull();
        // What rendering needs is there, and comes from the one reduced jar.
        assertThat(loader.getResource("com/google/template/soy/jbcsrc/api/SoySauce.class").toString())
                .contains("lanyard-admin-templates");
        assertThat(loader.getResource("com/google/common/collect/ImmutableList.class").toString())
                .contains("lanyard-admin-templates");
    }

    /** Also prints what loading the precompiled templates and the first render cost (for the report). */
    @Test
    void precompiledTemplatesLoadAndRenderTheRefusalPageEscaped() {
        long start = System.nanoTime();
        AdminTemplates fresh = new AdminTemplates(LanyardText.english().asMap());
        long loaded = System.nanoTime();
        String html = fresh.render("refusal", Map.of("code", "LNY-701", "title", "<T>", "advice", "a&b",
                "frame", frame("")));
        long rendered = System.nanoTime();
        fresh.render("refusal", Map.of("code", "LNY-701", "title", "t", "advice", "a", "frame", frame("")));
        long second = System.nanoTime();
        System.out.printf("soy: load %.1f ms, first render %.1f ms, second render %.2f ms%n",
                (loaded - start) / 1e6, (rendered - loaded) / 1e6, (second - rendered) / 1e6);

        assertThat(html).contains("&lt;T&gt;").contains("a&amp;b").contains("LNY-701").doesNotContain("<T>");
    }
}
