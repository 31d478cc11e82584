package io.lanyard.plugin.admin;

import io.lanyard.templates.AdminTemplateRenderer;
import java.util.Map;
import java.util.Objects;

/**
 * The admin pages' templates ({@code templates/admin.soy} of lanyard-admin-templates, compiled at build time) with
 * the i18n texts injected as {@code $t}. Strict autoescaping: every value is escaped for where it lands (text,
 * attribute, URL), so no caller escapes anything itself. Thread-safe.
 */
public final class AdminTemplates {

    private final AdminTemplateRenderer renderer = new AdminTemplateRenderer();
    private final Map<String, Object> injected;

    public AdminTemplates(Map<String, String> texts) {
        this.injected = Map.of("t", Map.copyOf(Objects.requireNonNull(texts, "texts")));
    }

    /** Renders {@code lanyard.admin.<template>}. */
    String render(String template, Map<String, ?> data) {
        return renderer.render(template, data, injected);
    }

    /** Renders {@code lanyard.admin.<template>} as safe HTML to pass to another template. */
    Object fragment(String template, Map<String, ?> data) {
        return renderer.renderFragment(template, data, injected);
    }

    /** A stylesheet or script URL of our own, as the templates require it. */
    static Object trusted(String url) {
        return AdminTemplateRenderer.trustedResourceUrl(url);
    }
}
