package io.lanyard.core.login;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.core.secret.ClientSecretResolver;
import java.time.Clock;

/**
 * The OpenID Connect authorization code flow (OIDC Core 1.0 §3.1) with PKCE (RFC 7636), servlet-free.
 * The servlet edge turns requests into values, calls {@link #startLogin} and {@link #completeLogin}, and
 * turns the results into redirects, a host session or an error page.
 */
public final class LoginService {

    public static LoginService create(ConfigurationHolder configuration, ClientSecretResolver secrets,
            UserDirectory users, BaseUrl baseUrl, Clock clock) {
        throw new UnsupportedOperationException("being implemented");
    }

    /**
     * Starts a login at one provider.
     *
     * @param identityProviderId the provider chosen
     * @param requestedReturn    where the user wanted to go (a host path or URL, untrusted; may be null)
     * @throws LoginFailedException e.g. {@code IDP_UNKNOWN}, {@code IDP_DISABLED}, {@code DISCOVERY_UNREACHABLE}
     */
    public LoginRedirect startLogin(String identityProviderId, String requestedReturn) {
        throw new UnsupportedOperationException("being implemented");
    }

    /**
     * Completes a login: checks the response, exchanges the code, validates the ID token, reads userinfo when
     * configured, and maps the identity to a host account.
     *
     * @param callbackIdentityProviderId the provider id in the callback URL the browser came back to
     * @param pending                    the pending login found under the response's {@code state} and removed
     * @param response                   the parameters of the callback
     * @throws LoginFailedException with the code of the first rule the response broke
     */
    public LoginSuccess completeLogin(String callbackIdentityProviderId, PendingLogin pending,
            AuthorizationResponse response) {
        throw new UnsupportedOperationException("being implemented");
    }
}
