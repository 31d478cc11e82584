package io.lanyard.plugin.admin;

import com.google.template.soy.jbcsrc.api.SoySauce;
import com.google.template.soy.jbcsrc.api.SoySauceBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * The admin pages' Soy templates ({@code templates/admin.soy}), compiled to bytecode at build time and loaded here
 * once from the plugin's own class loader. Strict autoescaping: every value is escaped for where it lands (text,
 * attribute, URL), so no caller escapes anything itself. Thread-safe.
 */
final class AdminTemplates {

    static final String NAMESPACE = "lanyard.admin.";

    private final SoySauce soy;
    private final Map<String, String> texts;

    AdminTemplates(Map<String, String> texts) {
        this.texts = Map.copyOf(Objects.requireNonNull(texts, "texts"));
        this.soy = new SoySauceBuilder().withClassLoader(AdminTemplates.class.getClassLoader()).build();
    }

    /** Renders {@code lanyard.admin.<template>} with the i18n texts injected as {@code $t}. */
    String render(String template, Map<String, ?> data) {
        StringBuilder html = new StringBuilder(8192);
        try {
            soy.renderTemplate(NAMESPACE + template).setData(data).setIj(Map.of("t", texts)).renderHtml(html)
                    .assertDone();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not throw", e);
        }
        return html.toString();
    }
}
