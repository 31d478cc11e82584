package io.lanyard.core.signin;

import java.util.Optional;
import java.util.Set;

/**
 * The pages people see while signing in that an administrator may replace with their own HTML ({@link PageTemplate}),
 * each with the variables its template may use. Variables are the same values the built-in page shows; a section
 * ({@code {{#providers}}…{{/providers}}}) repeats for each provider, whose own fields are {@link #PROVIDER_FIELDS}.
 */
public enum SignInPage {

    /** The chooser of identity providers (a GET form to {@code action}: {@code idp}, {@code email}, {@code return}). */
    CHOOSER("chooser", Set.of("productName", "action", "requestedReturn", "problem", "noneEnabled", "offerEmail",
            "typedEmail", "providers", "offerRemember", "localLoginUrl")),
    /** Every failed login: the loop breaker, emergency access refused, a provider's refusal, ... */
    ERROR("error", Set.of("productName", "title", "advice", "code", "reference", "providerError", "lastCode",
            "tryAgainUrl", "localLoginUrl", "outageAdminUrl")),
    /** Where a logout ends. */
    LOGGED_OUT("logged-out", Set.of("productName", "signInAgainUrl"));

    /** The fields of each item of {@code providers}, inside {@code {{#providers}}…{{/providers}}}. */
    public static final Set<String> PROVIDER_FIELDS = Set.of("id", "name", "logo", "url");

    private final String id;
    private final Set<String> variables;

    SignInPage(String id, Set<String> variables) {
        this.id = id;
        this.variables = variables;
    }

    /** In file names ({@code page-<id>.html}) and admin URLs. */
    public String id() {
        return id;
    }

    /** The names a template of this page may use (the providers' fields count only on the chooser). */
    public boolean knows(String name) {
        return variables.contains(name) || (this == CHOOSER && PROVIDER_FIELDS.contains(name));
    }

    public Set<String> variables() {
        return variables;
    }

    public static Optional<SignInPage> byId(String id) {
        for (SignInPage page : values()) {
            if (page.id.equals(id)) {
                return Optional.of(page);
            }
        }
        return Optional.empty();
    }
}
