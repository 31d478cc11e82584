package io.lanyard.plugin.seraph;

import com.atlassian.seraph.service.rememberme.RememberMeService;
import io.lanyard.plugin.session.RememberMe;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seraph's remember-me cookie (Jira, Confluence, Bamboo). The service is an optional OSGi reference: a host that
 * does not publish it must not break logging out, so any failure is logged and the logout goes on.
 */
public final class SeraphRememberMe implements RememberMe {

    private static final Logger LOG = LoggerFactory.getLogger(SeraphRememberMe.class);

    private final RememberMeService rememberMeService;

    public SeraphRememberMe(RememberMeService rememberMeService) {
        this.rememberMeService = Objects.requireNonNull(rememberMeService, "rememberMeService");
    }

    @Override
    public void forget(HttpServletRequest request, HttpServletResponse response) {
        try {
            rememberMeService.removeRememberMeCookie(request, response);
        } catch (RuntimeException | LinkageError e) {
            // Unavailable service (optional reference) or a host without this method: the host's logout still runs.
            LOG.warn("Could not remove the remember-me cookie at logout: {}", e.toString());
        }
    }
}
