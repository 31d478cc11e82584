package io.lanyard.bitbucket;

import com.atlassian.bitbucket.auth.RememberMeService;
import io.lanyard.plugin.session.RememberMe;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bitbucket's remember-me cookie ({@code _atl_bitbucket_remember_me} by default), removed through Bitbucket's own
 * {@code RememberMeService.logout(request, response)}, which clears the cookie and removes every token of its series
 * on the server (javadoc 7.5, 7.21, 9.4; Atlassian's own SSO imports the service on Bitbucket): a cookie a browser
 * kept, or a copy of it, then logs nobody in again. Called on every kind of logout Lanyard sees: the product's own
 * logout ({@code /j_atl_security_logout}, through the logout filter) and a session ended by a back- or front-channel
 * logout or the session lifetime (the revocation filter, at that browser's next request). The service is an optional
 * reference: without it, or on a Bitbucket whose service does not link, one warning and the logout goes on.
 */
public final class BitbucketRememberMe implements RememberMe {

    private static final Logger LOG = LoggerFactory.getLogger(BitbucketRememberMe.class);

    private final RememberMeService rememberMe;

    public BitbucketRememberMe(RememberMeService rememberMe) {
        this.rememberMe = rememberMe;
    }

    @Override
    public void forget(HttpServletRequest request, HttpServletResponse response) {
        try {
            if (rememberMe != null) {
                rememberMe.logout(request, response);
            }
        } catch (RuntimeException | LinkageError e) {
            // Bitbucket's RememberMeService is not published, or differs: the session still ends.
            LOG.warn("Could not remove Bitbucket's remember-me cookie at logout: {}", e.toString());
        }
    }
}
