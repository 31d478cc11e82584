package com.atlassian.seraph.service.rememberme;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Declaration only, the host provides the real interface. */
public interface RememberMeService {

    void removeRememberMeCookie(HttpServletRequest request, HttpServletResponse response);
}
