package io.lanyard.plugin.session;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Port: the host's "remember me" login cookie. Lanyard never sets it after a single sign-on (a logout at the
 * identity provider must be respected) and removes it when someone logs out.
 */
public interface RememberMe {

    /** Removes the remember-me cookie from the browser, if the host set one. Never throws. */
    void forget(HttpServletRequest request, HttpServletResponse response);
}
