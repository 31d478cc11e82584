package io.lanyard.sandbox.idp;

import static io.lanyard.plugin.web.Html.escape;

import io.lanyard.sandbox.host.SandboxUserDirectory;

/**
 * The built-in provider's sign-in form. It posts back to the authorization URL it was shown at (no {@code action}),
 * so the authorization request's parameters travel along unchanged.
 */
final class SignInPage {

    private SignInPage() {
    }

    static String form(String message) {
        return "<h1>Sandbox identity provider</h1>\n"
                + "<p>This is the sandbox's built-in OpenID Connect provider: it believes anyone. Type a username to "
                + "sign in as that person:</p>\n"
                + demoAccounts()
                + (message.isEmpty() ? "" : "<p id=\"message\">" + escape(message) + "</p>\n")
                + "<form id=\"sign-in\" method=\"post\">\n"
                + "<label>Username <input name=\"username\" autofocus required maxlength=\""
                + AuthorizationRoute.MAX_USERNAME_LENGTH + "\"></label>\n"
                + "<button type=\"submit\">Sign in</button>\n"
                + "<button type=\"submit\" name=\"cancel\" value=\"1\" formnovalidate>Cancel</button>\n"
                + "</form>";
    }

    /** The same list as the start-up banner and the README: each demo account and what signing in as it shows. */
    private static String demoAccounts() {
        StringBuilder html = new StringBuilder("<ul id=\"demo-accounts\">\n");
        for (SandboxUserDirectory.DemoAccount account : new SandboxUserDirectory().demoAccounts()) {
            html.append("<li><b>").append(escape(account.username())).append("</b>: ").append(escape(account.shows()))
                    .append("</li>\n");
        }
        return html.append("</ul>\n").toString();
    }
}
