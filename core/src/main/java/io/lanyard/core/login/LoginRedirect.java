package io.lanyard.core.login;

import java.net.URI;
import java.util.Objects;

/**
 * How a login starts: keep {@code pendingLogin} for this browser, then redirect it to {@code authorizationUri}.
 */
public record LoginRedirect(PendingLogin pendingLogin, URI authorizationUri) {

    public LoginRedirect {
        Objects.requireNonNull(pendingLogin, "pendingLogin");
        Objects.requireNonNull(authorizationUri, "authorizationUri");
    }
}
