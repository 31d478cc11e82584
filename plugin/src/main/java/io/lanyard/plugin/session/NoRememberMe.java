package io.lanyard.plugin.session;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A host without a remember-me cookie Lanyard knows how to remove: Bitbucket (whose own cookie is not in our evidence
 * yet; its session ends through its logout handler) and the sandbox.
 */
public final class NoRememberMe implements RememberMe {

    @Override
    public void forget(HttpServletRequest request, HttpServletResponse response) {
        // nothing to remove
    }
}
