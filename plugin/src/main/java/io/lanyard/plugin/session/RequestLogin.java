package io.lanyard.plugin.session;

import java.io.IOException;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Port: one request authenticated as a user, for that request only (API access, issue 16). No session outlives it,
 * no cookie is meant for the client, nothing redirects. The way differs per host (docs/host-evidence.md 5.1): on Jira,
 * Confluence and Bamboo SAL's listener with the request attributes the products' own token plugins set and the
 * session invalidated afterwards; on Bitbucket its {@code http-auth-handler}; in the sandbox a request wrapper.
 */
public interface RequestLogin {

    /**
     * Runs the rest of {@code chain} as {@code username}.
     *
     * @throws io.lanyard.core.error.LanyardException when the host refuses the user (no application access, inactive)
     *         before the chain ran
     */
    void proceedAs(String username, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException;
}
