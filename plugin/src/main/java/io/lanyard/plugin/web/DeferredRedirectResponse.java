package io.lanyard.plugin.web;

import java.io.IOException;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * Holds back the redirect the product's login form sends after a password login, so that Lanyard can still undo
 * the login and answer with its own page instead; {@link #release()} sends it as the product meant. Everything
 * else (a page body, cookies, other headers) goes straight through.
 */
final class DeferredRedirectResponse extends HttpServletResponseWrapper {

    private String location;

    DeferredRedirectResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void sendRedirect(String target) {
        this.location = target;
    }

    /** Sends the redirect the product asked for, if it asked for one. */
    void release() throws IOException {
        if (location != null) {
            ((HttpServletResponse) getResponse()).sendRedirect(location);
        }
    }
}
