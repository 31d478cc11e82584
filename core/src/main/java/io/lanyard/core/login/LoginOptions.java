package io.lanyard.core.login;

import java.util.Objects;
import java.util.Optional;

/**
 * What a login start knows beyond the provider and the return path.
 *
 * @param loginHint          OIDC Core §3.1.2.1 {@code login_hint}: the e-mail address the person typed, if any
 * @param domainHint         Microsoft Entra ID's {@code domain_hint}: that address's domain, sent only to Entra ID
 * @param reauthenticationOf for the product's administrator re-authentication (WebSudo): the username signed in now,
 *                           who must sign in again at the provider ({@code prompt=login}, {@code max_age=0}) and come
 *                           back as the same account
 */
public record LoginOptions(Optional<String> loginHint, Optional<String> domainHint,
        Optional<String> reauthenticationOf) {

    private static final LoginOptions NONE = new LoginOptions(Optional.empty(), Optional.empty(), Optional.empty());

    public LoginOptions {
        Objects.requireNonNull(loginHint, "loginHint");
        Objects.requireNonNull(domainHint, "domainHint");
        Objects.requireNonNull(reauthenticationOf, "reauthenticationOf");
    }

    public static LoginOptions none() {
        return NONE;
    }

    /** An e-mail address typed on the chooser, and its domain. */
    public static LoginOptions hinted(String loginHint, String domainHint) {
        return new LoginOptions(Optional.of(loginHint), Optional.of(domainHint), Optional.empty());
    }

    /** The re-authentication of the person signed in as {@code username}. */
    public static LoginOptions reauthentication(String username) {
        return new LoginOptions(Optional.empty(), Optional.empty(), Optional.of(username));
    }
}
