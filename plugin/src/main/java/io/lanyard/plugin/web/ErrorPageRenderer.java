package io.lanyard.plugin.web;

import static io.lanyard.plugin.web.Html.escape;

import java.util.Objects;

/**
 * Turns a failure into an HTML document: a plain, dependency-free page. Kept apart from {@link ErrorPage} (status,
 * headers, logging), so that the decisions stay in one place whatever the page looks like.
 */
public final class ErrorPageRenderer {

    private final LanyardText text;

    public ErrorPageRenderer(LanyardText text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /** A complete HTML document; every value of the model is escaped. */
    public String render(ErrorPageModel model) {
        return render(model, null);
    }

    /**
     * The outage page: the provider cannot be reached. Says so first (not the person's fault), then what the error
     * page says, and where administrators open emergency access.
     *
     * @param adminHealthUrl the admin page Health, with its one-click emergency opening
     */
    public String renderOutage(ErrorPageModel model, String adminHealthUrl) {
        return render(model, Objects.requireNonNull(adminHealthUrl, "adminHealthUrl"));
    }

    private String render(ErrorPageModel model, String adminHealthUrl) {
        StringBuilder html = new StringBuilder(1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(escape(text.get(PageText.ERROR_HEADING))).append("</title></head>\n<body>\n")
                .append("<h1>").append(escape(model.title())).append("</h1>\n");
        if (adminHealthUrl != null) {
            html.append("<p id=\"outage\">").append(escape(text.get(PageText.OUTAGE_TEXT))).append("</p>\n");
        }
        html.append("<p class=\"advice\">").append(escape(model.advice())).append("</p>\n")
                .append("<dl>\n")
                .append(term(PageText.ERROR_CODE, "code", model.code()))
                .append(term(PageText.ERROR_REFERENCE, "reference", model.correlationId()));
        model.providerError().ifPresent(error -> html.append(term(PageText.ERROR_PROVIDER_ANSWER, "provider-error", error)));
        html.append("</dl>\n")
                .append("<p>").append(escape(text.get(PageText.ERROR_REPORT_HINT))).append("</p>\n")
                .append("<p><a id=\"try-again\" href=\"").append(escape(model.tryAgainUrl())).append("\">")
                .append(escape(text.get(PageText.TRY_AGAIN))).append("</a></p>\n")
                .append("<p><a id=\"local-login\" href=\"").append(escape(model.localLoginUrl())).append("\">")
                .append(escape(text.get(PageText.LOCAL_LOGIN))).append("</a></p>\n");
        if (adminHealthUrl != null) {
            html.append("<p><a id=\"outage-admin\" href=\"").append(escape(adminHealthUrl)).append("\">")
                    .append(escape(text.get(PageText.OUTAGE_ADMIN))).append("</a></p>\n");
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private String term(PageText label, String cssClass, String value) {
        return "<dt>" + escape(text.get(label)) + "</dt><dd class=\"" + cssClass + "\">" + escape(value) + "</dd>\n";
    }
}
