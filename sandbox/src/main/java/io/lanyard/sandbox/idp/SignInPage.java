package io.lanyard.sandbox.idp;

import static io.lanyard.plugin.web.Html.escape;

import io.lanyard.sandbox.host.SandboxUserDirectory;

/**
 * The built-in provider's sign-in form: a username, and optionally groups, a display name and an e-mail address, which
 * go into the ID token. It posts back to the authorization URL it was shown at (no {@code action}), so the
 * authorization request's parameters travel along unchanged.
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
                + "<p><label>Username <input name=\"username\" autofocus required maxlength=\""
                + SignIn.MAX_LENGTH + "\"></label></p>\n"
                + "<p><label>Groups <input name=\"groups\" placeholder=\"engineering, sales\"></label> "
                + "(optional, separated by commas: the token's <code>groups</code> claim)</p>\n"
                + "<p><label>Display name <input name=\"name\" maxlength=\"" + SignIn.MAX_LENGTH + "\"></label> "
                + "(optional: <code>name</code>)</p>\n"
                + "<p><label>E-mail <input name=\"email\" type=\"email\" maxlength=\"" + SignIn.MAX_LENGTH
                + "\"></label> (optional: <code>email</code>, default &lt;username&gt;@example.com)</p>\n"
                + "<p><label><input name=\"overage\" type=\"checkbox\" value=\"1\"> Send the groups as a Microsoft "
                + "Entra ID group overage</label> (the token says they did not fit; Lanyard reads them from the Graph "
                + "stand-in: start the sandbox with <code>--entra-stand-in built-in</code>)</p>\n"
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
