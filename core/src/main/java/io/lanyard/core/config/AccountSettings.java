package io.lanyard.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the accounts of one provider's people are created and kept up to date.
 *
 * @param create            just-in-time creation: a person whose mapped username has no account gets one (off by
 *                          default: today an account must exist)
 * @param directory         the name of the host directory new accounts are created in; empty: the host's first
 *                          directory that allows it (the internal directory in a default installation)
 * @param displayNameClaims where the display name comes from, tried in order; an entry {@code a+b} joins the
 *                          values of claims {@code a} and {@code b} with a space (e.g. {@code given_name+family_name});
 *                          the username when none is present
 * @param emailClaims       where the e-mail address comes from, tried in order
 * @param update            whether display name and e-mail follow the provider at every login when they changed
 * @param reactivate        whether a deactivated account is activated again at its owner's login (otherwise the
 *                          login is refused, {@code LNY-504})
 * @param pinSubject        whether the account remembers the provider's {@code iss} and {@code sub} (a user
 *                          attribute) and refuses a later login of that issuer with another {@code sub}
 */
public record AccountSettings(boolean create, Optional<String> directory, List<String> displayNameClaims,
        List<String> emailClaims, boolean update, boolean reactivate, boolean pinSubject) {

    public static final List<String> DEFAULT_DISPLAY_NAME_CLAIMS = List.of("name", "given_name+family_name");
    public static final List<String> DEFAULT_EMAIL_CLAIMS = List.of("email");
    /** The separator of claims whose values are joined into one display name. */
    public static final String JOIN = "+";

    public static final AccountSettings DEFAULT = new AccountSettings(false, Optional.empty(),
            DEFAULT_DISPLAY_NAME_CLAIMS, DEFAULT_EMAIL_CLAIMS, false, false, false);

    public AccountSettings {
        Objects.requireNonNull(directory, "directory");
        displayNameClaims = List.copyOf(displayNameClaims);
        emailClaims = List.copyOf(emailClaims);
    }
}
