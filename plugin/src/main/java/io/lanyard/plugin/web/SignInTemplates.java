package io.lanyard.plugin.web;

import io.lanyard.core.host.HostProduct;
import io.lanyard.templates.AdminTemplateRenderer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in pages people see while signing in ({@code templates/signin.soy} of lanyard-admin-templates, the same
 * compiled Soy as the admin pages): the chooser, every failure page and the logged-out page, in the product's look
 * with its name in the title and the header. Strict autoescaping: every value is escaped for where it lands, so
 * callers pass plain text. Thread-safe.
 */
public final class SignInTemplates {

    /** Loaded once: the compiled templates are classes, and every page of every instance renders through them. */
    private static final AdminTemplateRenderer SOY = new AdminTemplateRenderer(AdminTemplateRenderer.SIGN_IN_NAMESPACE);

    private final Map<String, Object> injected;
    private final String productName;

    /**
     * @param productName the product's name in the pages' title and header (e.g. "Jira"), or empty for none
     */
    public SignInTemplates(LanyardText text, String productName) {
        this.injected = Map.of("t", Map.copyOf(Objects.requireNonNull(text, "text").asMap()));
        this.productName = Objects.requireNonNull(productName, "productName");
    }

    /** Without a product name: for tests and hosts that do not say which product they are. */
    static SignInTemplates unnamed(LanyardText text) {
        return new SignInTemplates(text, "");
    }

    /** The name people know the product by, from SAL's platform id ({@link HostProduct#platformId()}). */
    public static String productName(String platformId) {
        return switch (platformId == null ? "" : platformId) {
            case HostProduct.JIRA -> "Jira";
            case HostProduct.CONFLUENCE -> "Confluence";
            case HostProduct.BITBUCKET -> "Bitbucket";
            case HostProduct.BAMBOO -> "Bamboo";
            default -> "";
        };
    }

    String productName() {
        return productName;
    }

    /** Renders {@code lanyard.signin.<template>} with {@code data} plus the product's name: a whole document. */
    String render(String template, Map<String, ?> data) {
        Map<String, Object> all = new HashMap<>(data);
        all.put("productName", productName);
        return SOY.render(template, all, injected);
    }
}
