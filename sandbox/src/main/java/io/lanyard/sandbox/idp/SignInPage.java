package io.lanyard.sandbox.idp;

import static io.lanyard.plugin.web.Html.escape;

/**
 * The built-in provider's sign-in form. It posts back to the authorization URL it was shown at (no {@code action}),
 * so the authorization request's parameters travel along unchanged.
 */
final class SignInPage {

    private SignInPage() {
    }

    static String form(String message) {
        return "<h1>Sandbox identity provider</h1>\n"
                + "<p>This is the sandbox's built-in OpenID Connect provider: it believes anyone. Type any username to "
                + "sign in as that person. The sandbox has accounts for <b>alice</b>, <b>bob</b> and <b>admin</b>; "
                + "any other name shows what happens to someone without an account.</p>\n"
                + (message.isEmpty() ? "" : "<p id=\"message\">" + escape(message) + "</p>\n")
                + "<form id=\"sign-in\" method=\"post\">\n"
                + "<label>Username <input name=\"username\" autofocus required maxlength=\""
                + AuthorizationRoute.MAX_USERNAME_LENGTH + "\"></label>\n"
                + "<button type=\"submit\">Sign in</button>\n"
                + "<button type=\"submit\" name=\"cancel\" value=\"1\" formnovalidate>Cancel</button>\n"
                + "</form>";
    }
}
