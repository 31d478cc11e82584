package com.atlassian.seraph.auth;

import java.security.Principal;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Declaration only, the host provides the real interface (Seraph 4.1.4; the product's configured authenticator,
 * reached through {@code SecurityConfigFactory.getInstance().getAuthenticator()}, never an OSGi service). Only the
 * methods a logout needs are declared. Evidence: docs/host-evidence.md, topic 4.
 */
public interface Authenticator {

    Principal getUser(HttpServletRequest request, HttpServletResponse response);

    boolean logout(HttpServletRequest request, HttpServletResponse response) throws AuthenticatorException;
}
