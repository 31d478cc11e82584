package io.lanyard.plugin.seraph;

import com.atlassian.seraph.config.SecurityConfigFactory;
import com.atlassian.seraph.service.rememberme.RememberMeService;
import io.lanyard.plugin.session.RememberMe;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seraph's remember-me cookie (Jira, Confluence, Bamboo), reached the way Atlassian's own SSO reaches it: through the
 * product's Seraph configuration ({@code SecurityConfigFactory.getInstance().getRememberMeService()}), since Seraph's
 * {@code RememberMeService} is probably not an OSGi service (docs/host-evidence.md, topic 1.1, step 7). Looked up at
 * each logout (the configuration is the product's, read when it starts). Any failure is one warning: the logout goes
 * on.
 */
public final class SeraphRememberMe implements RememberMe {

    private static final Logger LOG = LoggerFactory.getLogger(SeraphRememberMe.class);

    @Override
    public void forget(HttpServletRequest request, HttpServletResponse response) {
        try {
            RememberMeService rememberMe = SecurityConfigFactory.getInstance().getRememberMeService();
            if (rememberMe != null) {
                rememberMe.removeRememberMeCookie(request, response);
            }
        } catch (RuntimeException | LinkageError e) {
            // No Seraph configuration yet, or a Seraph without this API: the host's logout still runs.
            LOG.warn("Could not remove the remember-me cookie at logout: {}", e.toString());
        }
    }
}
