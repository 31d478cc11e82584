package io.lanyard.plugin.web;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LogText;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.signin.CustomPages;
import io.lanyard.core.signin.SignInPage;
import io.lanyard.templates.AdminTemplateRenderer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in pages people see while signing in ({@code templates/signin.soy} of lanyard-admin-templates, the same
 * compiled Soy as the admin pages): the chooser, every failure page and the logged-out page, in the product's look
 * with its name in the title and the header. Strict autoescaping: every value is escaped for where it lands, so
 * callers pass plain text.
 *
 * <p>An administrator may replace the chooser, the failure page and the logged-out page with their own HTML
 * ({@link CustomPages}); it gets the same values, HTML-escaped by its own engine. A template that cannot be used
 * gives the built-in page, never a blank one. Thread-safe.
 */
public final class SignInTemplates {

    /** Loaded once: the compiled templates are classes, and every page of every instance renders through them. */
    private static final AdminTemplateRenderer SOY = new AdminTemplateRenderer(AdminTemplateRenderer.SIGN_IN_NAMESPACE);

    private static final Logger LOG = LoggerFactory.getLogger(SignInTemplates.class);

    private final Map<String, Object> injected;
    private final String productName;
    private final CustomPages custom;

    /** Built-in pages only. */
    public SignInTemplates(LanyardText text, String productName) {
        this(text, productName, CustomPages.none());
    }

    /**
     * @param productName the product's name in the pages' title and header (e.g. "Jira"), or empty for none
     * @param custom      the administrator's own pages, where there are any
     */
    public SignInTemplates(LanyardText text, String productName, CustomPages custom) {
        this.injected = Map.of("t", Map.copyOf(Objects.requireNonNull(text, "text").asMap()));
        this.productName = Objects.requireNonNull(productName, "productName");
        this.custom = Objects.requireNonNull(custom, "custom");
    }

    /** Without a product name: for tests and hosts that do not say which product they are. */
    static SignInTemplates unnamed(LanyardText text) {
        return new SignInTemplates(text, "");
    }

    public CustomPages custom() {
        return custom;
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

    /**
     * The page with {@code data} plus the product's name, a whole document: the administrator's template when there
     * is a usable one, else the built-in page.
     */
    String render(SignInPage page, Map<String, ?> data) {
        Map<String, Object> all = new HashMap<>(data);
        all.put("productName", productName);
        if (custom.state(page) instanceof CustomPages.Custom own) {
            try {
                return own.template().render(all);
            } catch (RuntimeException e) {
                LOG.warn("{}: the administrator's {} page failed, showing the built-in page instead: {}",
                        ErrorCode.CUSTOM_TEMPLATE_INVALID, page.id(), LogText.oneLine(String.valueOf(e)));
            }
        }
        return builtIn(page, all);
    }

    /** The built-in page with {@code data} (which holds the product's name). */
    private String builtIn(SignInPage page, Map<String, ?> data) {
        return SOY.render(soyTemplate(page), data, injected);
    }

    private static String soyTemplate(SignInPage page) {
        return switch (page) {
            case CHOOSER -> "chooser";
            case ERROR -> "error";
            case LOGGED_OUT -> "loggedOut";
        };
    }

    /**
     * Values like the ones the page gets, for the admin page's preview of a template: two providers on the chooser,
     * the loop breaker's failure.
     */
    public Map<String, Object> sample(SignInPage page, String contextPath) {
        Map<String, Object> data = new HashMap<>();
        data.put("productName", productName);
        String login = contextPath + "/login";
        switch (page) {
            case CHOOSER -> {
                data.put("action", contextPath + "/plugins/servlet/lanyard/login");
                data.put("requestedReturn", "/");
                data.put("problem", "");
                data.put("noneEnabled", false);
                data.put("offerEmail", true);
                data.put("typedEmail", "");
                data.put("providers", List.of(
                        Map.of("id", "corporate", "name", "Corporate", "logo", "", "url",
                                contextPath + "/plugins/servlet/lanyard/login/corporate"),
                        Map.of("id", "contractors", "name", "Contractors", "logo", "", "url",
                                contextPath + "/plugins/servlet/lanyard/login/contractors")));
                data.put("offerRemember", true);
                data.put("localLoginUrl", login + "?lanyard_native=1");
            }
            case ERROR -> {
                data.put("title", "Too many sign-ins in a row");
                data.put("advice", "Sign-in was stopped because this browser kept coming back.");
                data.put("code", ErrorCode.LOGIN_LOOP_DETECTED.code());
                data.put("reference", "ABCDEFGHIJ");
                data.put("providerError", "");
                data.put("lastCode", ErrorCode.ID_TOKEN_EXPIRED.code());
                data.put("outageAdminUrl", "");
                data.put("tryAgainUrl", login);
                data.put("localLoginUrl", login + "?lanyard_native=1");
            }
            case LOGGED_OUT -> data.put("signInAgainUrl", login);
        }
        return data;
    }
}
