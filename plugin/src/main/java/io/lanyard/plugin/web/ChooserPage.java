package io.lanyard.plugin.web;

import static io.lanyard.plugin.web.Html.escape;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.signin.ChooserProviders;
import io.lanyard.core.signin.HomeRealmDiscovery;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The page that lets a person pick one of several enabled identity providers: an e-mail field when some provider
 * takes e-mail domains (home-realm discovery), one button per provider shown on the chooser, in its order, with its
 * logo, and "remember my choice" when {@code settings.xml} allows it. Readable on a phone (viewport, one column). A
 * GET form throughout, so that the browser's back button and the direct links work the same way.
 */
final class ChooserPage {

    /**
     * What the chooser shows.
     *
     * @param enabled          the enabled providers (the page orders and filters them)
     * @param requestedReturn  the page the person wanted (untrusted: passed on, validated when the login starts)
     * @param offerRemember    whether to offer "remember my choice"
     * @param typedEmail       what was typed in the e-mail field, shown again with {@code problem}
     * @param problem          why the e-mail did not lead anywhere (an error code's title), if it did not
     */
    record View(List<IdentityProviderConfig> enabled, String requestedReturn, boolean offerRemember,
            String typedEmail, Optional<String> problem) {
    }

    private final LanyardText text;
    private final LoginPage loginPage;

    ChooserPage(LanyardText text, LoginPage loginPage) {
        this.text = Objects.requireNonNull(text, "text");
        this.loginPage = Objects.requireNonNull(loginPage, "loginPage");
    }

    String render(String contextPath, View view) {
        List<IdentityProviderConfig> shown = ChooserProviders.of(view.enabled());
        String action = escape(contextPath + LanyardPaths.LOGIN);
        String title = escape(text.get(PageText.CHOOSER_TITLE));
        StringBuilder html = new StringBuilder(2048).append(SignInPageFrame.open(title));
        view.problem().ifPresent(problem -> html.append("<p id=\"chooser-problem\" class=\"aui-message aui-message-error\">")
                .append(escape(problem)).append("</p>\n"));
        if (view.enabled().isEmpty()) {
            html.append("<p>").append(escape(text.get(PageText.CHOOSER_NONE))).append("</p>\n");
        }
        if (HomeRealmDiscovery.isOffered(view.enabled())) {
            html.append("<form class=\"email aui\" method=\"get\" action=\"").append(action).append("\">\n")
                    .append(hiddenReturn(view.requestedReturn()))
                    .append("<label for=\"chooser-email\">").append(escape(text.get(PageText.CHOOSER_EMAIL_LABEL)))
                    .append("</label>\n<input id=\"chooser-email\" name=\"").append(LoginServlet.EMAIL_PARAMETER)
                    .append("\" type=\"email\" autocomplete=\"email\" value=\"").append(escape(view.typedEmail()))
                    .append("\">\n<button id=\"chooser-email-continue\" type=\"submit\">")
                    .append(escape(text.get(PageText.CHOOSER_EMAIL_BUTTON))).append("</button>\n</form>\n");
            if (!shown.isEmpty()) {
                html.append("<p>").append(escape(text.get(PageText.CHOOSER_OR))).append("</p>\n");
            }
        } else if (!shown.isEmpty()) {
            html.append("<p>").append(escape(text.get(PageText.CHOOSER_INTRO))).append("</p>\n");
        }
        if (!shown.isEmpty()) {
            html.append("<form class=\"providers\" method=\"get\" action=\"").append(action).append("\">\n")
                    .append(hiddenReturn(view.requestedReturn()));
            for (IdentityProviderConfig provider : shown) {
                html.append("<button type=\"submit\" name=\"").append(LoginServlet.IDP_PARAMETER).append("\" value=\"")
                        .append(escape(provider.id())).append("\" id=\"provider-").append(escape(provider.id()))
                        .append("\">");
                provider.signIn().logoUrl().ifPresent(logo -> html.append("<img alt=\"\" src=\"")
                        .append(escape(logo.getScheme() == null ? contextPath + logo : logo.toString())).append("\">"));
                html.append("<span>").append(escape(provider.displayName())).append("</span></button>\n");
            }
            if (view.offerRemember()) {
                html.append("<label><input type=\"checkbox\" id=\"chooser-remember\" name=\"")
                        .append(LoginServlet.REMEMBER_PARAMETER).append("\" value=\"1\"> ")
                        .append(escape(text.get(PageText.CHOOSER_REMEMBER))).append("</label>\n");
            }
            html.append("</form>\n");
        }
        String localLogin = contextPath + loginPage.primaryPath() + "?" + ErrorPage.NATIVE_LOGIN_PARAMETER + "=1";
        html.append("<p><a id=\"local-login\" href=\"").append(escape(localLogin)).append("\">")
                .append(escape(text.get(PageText.LOCAL_LOGIN))).append("</a></p>\n").append(SignInPageFrame.CLOSE);
        return html.toString();
    }

    /**
     * "Sign in with …" links for the product's own login form ({@code ALONGSIDE_FORM}): one per provider shown on the
     * chooser, each the provider's direct link, carrying the page the person wanted.
     */
    String formButtons(String contextPath, List<IdentityProviderConfig> enabled, String requestedReturn) {
        List<IdentityProviderConfig> shown = ChooserProviders.of(enabled);
        if (shown.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(512).append("<div class=\"lanyard-sso-buttons\">\n");
        for (IdentityProviderConfig provider : shown) {
            String href = UrlParameters.withParameter(contextPath + LanyardPaths.LOGIN + "/" + provider.id(),
                    LoginServlet.RETURN_PARAMETER, requestedReturn);
            html.append("<p><a class=\"aui-button\" id=\"sso-").append(escape(provider.id())).append("\" href=\"")
                    .append(escape(href)).append("\">").append(escape(text.get(PageText.SIGN_IN_WITH))).append(' ')
                    .append(escape(provider.displayName())).append("</a></p>\n");
        }
        return html.append("</div>\n").toString();
    }

    LoginPage loginPage() {
        return loginPage;
    }

    private static String hiddenReturn(String requestedReturn) {
        return requestedReturn == null || requestedReturn.isEmpty() ? ""
                : "<input type=\"hidden\" name=\"" + LoginServlet.RETURN_PARAMETER + "\" value=\""
                        + escape(requestedReturn) + "\">\n";
    }
}
