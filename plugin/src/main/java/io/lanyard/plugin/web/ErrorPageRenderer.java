package io.lanyard.plugin.web;

import io.lanyard.core.signin.SignInPage;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a failure into an HTML document through the sign-in pages' templates ({@link SignInTemplates}). Kept apart
 * from {@link ErrorPage} (status, headers, logging), so that the decisions stay in one place whatever the page looks
 * like.
 */
public final class ErrorPageRenderer {

    private final SignInTemplates templates;

    /** Without the product's name (tests, hosts that do not say). */
    public ErrorPageRenderer(LanyardText text) {
        this(SignInTemplates.unnamed(text));
    }

    public ErrorPageRenderer(SignInTemplates templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** A complete HTML document; the template escapes every value of the model. */
    public String render(ErrorPageModel model) {
        return templates.render(SignInPage.ERROR, data(model, ""));
    }

    /**
     * The outage page: the provider cannot be reached. The failure page, which then says so first (not the person's
     * fault) and where administrators open emergency access.
     *
     * @param adminHealthUrl the admin page Health, with its one-click emergency opening
     */
    public String renderOutage(ErrorPageModel model, String adminHealthUrl) {
        return templates.render(SignInPage.ERROR, data(model, Objects.requireNonNull(adminHealthUrl, "adminHealthUrl")));
    }

    /** What the template shows, as plain text. */
    static Map<String, Object> data(ErrorPageModel model, String outageAdminUrl) {
        Map<String, Object> data = new HashMap<>();
        data.put("outageAdminUrl", outageAdminUrl);
        data.put("title", model.title());
        data.put("advice", model.advice());
        data.put("code", model.code());
        data.put("reference", model.correlationId());
        data.put("providerError", model.providerError().orElse(""));
        data.put("lastCode", model.lastCode().orElse(""));
        data.put("tryAgainUrl", model.tryAgainUrl());
        data.put("localLoginUrl", model.localLoginUrl());
        return data;
    }
}
