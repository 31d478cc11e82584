package com.atlassian.bitbucket.auth;

import java.io.IOException;
import javax.servlet.ServletException;

/** Declaration only, the host provides the real interface. */
public interface HttpAuthenticationSuccessHandler {

    /** {@code true} only if the handler wrote the response. */
    boolean onAuthenticationSuccess(HttpAuthenticationSuccessContext context) throws ServletException, IOException;
}
