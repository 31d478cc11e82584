package com.atlassian.seraph.config;

import com.atlassian.seraph.auth.Authenticator;
import com.atlassian.seraph.service.rememberme.RememberMeService;

/**
 * Declaration only, the host provides the real interface (Seraph 4.1.4): the product's seraph-config.xml. Only the
 * methods Lanyard needs are declared. Evidence: docs/host-evidence.md, topics 1 and 4.
 */
public interface SecurityConfig {

    /** The product's {@code logout.url}, e.g. Bamboo's {@code /userLogout.action?os_destination=${originalurl}}. */
    String getLogoutURL();

    String getLoginURL();

    String getLinkLoginURL();

    Authenticator getAuthenticator();

    /** How Atlassian's own SSO plugin reaches remember-me on Jira, Confluence and Bamboo (not an OSGi import). */
    RememberMeService getRememberMeService();
}
