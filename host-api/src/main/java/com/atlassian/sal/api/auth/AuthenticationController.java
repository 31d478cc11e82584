package com.atlassian.sal.api.auth;

import java.security.Principal;
import javax.servlet.http.HttpServletRequest;

/**
 * Declaration only, the host provides the real interface (SAL 5.1.4; an OSGi service in all four products). Evidence
 * and products: docs/host-evidence.md, topic 1.
 */
public interface AuthenticationController {

    /**
     * {@code false} when the host has already decided this request's authentication (Seraph hosts: the request
     * attribute {@code os_authstatus} is set).
     */
    boolean shouldAttemptAuthentication(HttpServletRequest request);

    /**
     * Whether {@code principal} may log in to this product now (Seraph hosts ask their role mapper, which checks
     * product access).
     */
    boolean canLogin(Principal principal, HttpServletRequest request);
}
