package io.lanyard.plugin.web;

import static io.lanyard.plugin.web.Html.escape;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.host.LoginPage;
import java.util.List;
import java.util.Objects;

/** The page that lets the user pick one of several enabled identity providers. */
final class ChooserPage {

    private final LanyardText text;
    private final LoginPage loginPage;

    ChooserPage(LanyardText text, LoginPage loginPage) {
        this.text = Objects.requireNonNull(text, "text");
        this.loginPage = Objects.requireNonNull(loginPage, "loginPage");
    }

    String render(String contextPath, List<IdentityProviderConfig> providers, String requestedReturn) {
        StringBuilder html = new StringBuilder(512);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(text.get(PageText.CHOOSER_TITLE))).append("</title></head>\n<body>\n<h1>")
                .append(escape(text.get(PageText.CHOOSER_TITLE))).append("</h1>\n");
        if (providers.isEmpty()) {
            html.append("<p>").append(escape(text.get(PageText.CHOOSER_NONE))).append("</p>\n");
        } else {
            html.append("<p>").append(escape(text.get(PageText.CHOOSER_INTRO))).append("</p>\n<ul class=\"providers\">\n");
            for (IdentityProviderConfig provider : providers) {
                String href = UrlParameters.withParameter(
                        UrlParameters.withParameter(contextPath + LanyardPaths.LOGIN, LoginServlet.IDP_PARAMETER, provider.id()),
                        LoginServlet.RETURN_PARAMETER, requestedReturn);
                html.append("<li><a href=\"").append(escape(href)).append("\">")
                        .append(escape(provider.displayName())).append("</a></li>\n");
            }
            html.append("</ul>\n");
        }
        String localLogin = contextPath + loginPage.primaryPath() + "?" + ErrorPage.NATIVE_LOGIN_PARAMETER + "=1";
        html.append("<p><a id=\"local-login\" href=\"").append(escape(localLogin)).append("\">")
                .append(escape(text.get(PageText.LOCAL_LOGIN))).append("</a></p>\n</body></html>\n");
        return html.toString();
    }
}
