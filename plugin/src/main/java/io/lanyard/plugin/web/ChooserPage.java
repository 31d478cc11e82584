package io.lanyard.plugin.web;

import static io.lanyard.plugin.web.Html.escape;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.signin.ChooserProviders;
import io.lanyard.core.signin.HomeRealmDiscovery;
import io.lanyard.core.signin.SignInPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final SignInTemplates templates;

    ChooserPage(LanyardText text, LoginPage loginPage, SignInTemplates templates) {
        this.text = Objects.requireNonNull(text, "text");
        this.loginPage = Objects.requireNonNull(loginPage, "loginPage");
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    String render(String contextPath, View view) {
        return templates.render(SignInPage.CHOOSER, data(contextPath, view));
    }

    /** What the template shows, as plain text (the template escapes it). */
    Map<String, Object> data(String contextPath, View view) {
        List<Map<String, String>> providers = new ArrayList<>();
        for (IdentityProviderConfig provider : ChooserProviders.of(view.enabled())) {
            String logo = provider.signIn().logoUrl()
                    .map(url -> url.getScheme() == null ? contextPath + url : url.toString()).orElse("");
            providers.add(Map.of("id", provider.id(), "name", provider.displayName(), "logo", logo,
                    "url", directLink(contextPath, provider, view.requestedReturn())));
        }
        Map<String, Object> data = new HashMap<>();
        data.put("action", contextPath + LanyardPaths.LOGIN);
        data.put("requestedReturn", view.requestedReturn() == null ? "" : view.requestedReturn());
        data.put("problem", view.problem().orElse(""));
        data.put("noneEnabled", view.enabled().isEmpty());
        data.put("offerEmail", HomeRealmDiscovery.isOffered(view.enabled()));
        data.put("typedEmail", view.typedEmail() == null ? "" : view.typedEmail());
        data.put("providers", providers);
        data.put("offerRemember", view.offerRemember() && !providers.isEmpty());
        data.put("localLoginUrl",
                contextPath + loginPage.primaryPath() + "?" + ErrorPage.NATIVE_LOGIN_PARAMETER + "=1");
        return data;
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
            String href = directLink(contextPath, provider, requestedReturn);
            html.append("<p><a class=\"aui-button\" id=\"sso-").append(escape(provider.id())).append("\" href=\"")
                    .append(escape(href)).append("\">").append(escape(text.get(PageText.SIGN_IN_WITH))).append(' ')
                    .append(escape(provider.displayName())).append("</a></p>\n");
        }
        return html.append("</div>\n").toString();
    }

    /** The provider's direct link {@code …/lanyard/login/<id>?return=…}. */
    private static String directLink(String contextPath, IdentityProviderConfig provider, String requestedReturn) {
        return UrlParameters.withParameter(contextPath + LanyardPaths.LOGIN + "/" + provider.id(),
                LoginServlet.RETURN_PARAMETER, requestedReturn);
    }

    LoginPage loginPage() {
        return loginPage;
    }
}
