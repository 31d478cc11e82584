package io.lanyard.sandbox.host;

import io.lanyard.plugin.session.RememberMe;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The sandbox's host keeps no remember-me cookie: there is none to remove. */
public final class SandboxRememberMe {

    public static final RememberMe NONE = (HttpServletRequest request, HttpServletResponse response) -> { };

    private SandboxRememberMe() {
    }
}
