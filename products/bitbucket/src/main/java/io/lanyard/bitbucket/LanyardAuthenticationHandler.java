package io.lanyard.bitbucket;

import com.atlassian.bitbucket.auth.AuthenticationResult;
import com.atlassian.bitbucket.auth.ExpiredAuthenticationException;
import com.atlassian.bitbucket.auth.HttpAuthenticationContext;
import com.atlassian.bitbucket.auth.HttpAuthenticationHandler;
import com.atlassian.bitbucket.auth.HttpAuthenticationSuccessContext;
import com.atlassian.bitbucket.auth.HttpAuthenticationSuccessHandler;
import com.atlassian.bitbucket.auth.HttpLogoutHandler;
import com.atlassian.bitbucket.i18n.I18nService;
import com.atlassian.bitbucket.user.ApplicationUser;
import com.atlassian.bitbucket.user.UserService;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bitbucket's side of a Lanyard login, following the pattern of Atlassian's container-authentication example:
 * <ol>
 *   <li>{@link #performAuthentication}: a verified username left in the session by the callback (consumed once)
 *       becomes the authenticated user; anything else is not ours ({@code null});</li>
 *   <li>{@link #onAuthenticationSuccess}: remembers in the session that Lanyard authenticated this user (the
 *       session may be renewed during authentication, so this happens only after it succeeded);</li>
 *   <li>{@link #validateAuthentication}: on every authenticated request, a session whose single sign-on identity
 *       no longer matches the user Bitbucket sees is expired;</li>
 *   <li>{@link #logout}: forgets both.</li>
 * </ol>
 */
public final class LanyardAuthenticationHandler
        implements HttpAuthenticationHandler, HttpAuthenticationSuccessHandler, HttpLogoutHandler {

    /** Session: the username the callback verified, waiting for {@link #performAuthentication}. */
    static final String VERIFIED_USERNAME = "io.lanyard.bitbucket.verified-username";
    /** Request: set by {@link #performAuthentication} for {@link #onAuthenticationSuccess}. */
    static final String AUTHENTICATED_USERNAME = "io.lanyard.bitbucket.authenticated-username";
    /** Session: the user Lanyard authenticated, checked by {@link #validateAuthentication}. */
    static final String SSO_IDENTITY = "io.lanyard.bitbucket.sso-identity";
    static final String IDENTITY_MISMATCH_KEY = "lanyard.packaging.bitbucket.identity-mismatch";

    private static final Logger LOG = LoggerFactory.getLogger(LanyardAuthenticationHandler.class);

    private final UserService userService;
    private final I18nService i18nService;
    private final UserManager salUserManager;

    public LanyardAuthenticationHandler(UserService userService, I18nService i18nService, UserManager salUserManager) {
        this.userService = Objects.requireNonNull(userService, "userService");
        this.i18nService = Objects.requireNonNull(i18nService, "i18nService");
        this.salUserManager = Objects.requireNonNull(salUserManager, "salUserManager");
    }

    @Override
    public AuthenticationResult performAuthentication(HttpAuthenticationContext context) {
        ApplicationUser bearer = bearerUser(context.getRequest());
        if (bearer != null) {
            return new AuthenticationResult.Builder(bearer).build();
        }
        ApplicationUser user = takeVerifiedUser(context.getRequest());
        return user == null ? null : new AuthenticationResult.Builder(user).build();
    }

    /**
     * The older form of {@link #performAuthentication}, for a Bitbucket whose handler interface still calls it
     * (UNCONFIRMED which versions do); harmless where nothing calls it.
     */
    public ApplicationUser authenticate(HttpAuthenticationContext context) {
        return takeVerifiedUser(context.getRequest());
    }

    /**
     * API access: the account Lanyard's bearer filter verified for this request ({@link BitbucketRequestLogin}), for
     * this request only; the session is not touched and {@link #onAuthenticationSuccess} writes nothing for it.
     */
    private ApplicationUser bearerUser(HttpServletRequest request) {
        Object username = request.getAttribute(BitbucketRequestLogin.BEARER_USERNAME);
        if (!(username instanceof String)) {
            return null;
        }
        ApplicationUser user = userService.getUserByName((String) username);
        if (user == null || !user.isActive()) {
            LOG.warn("The account {} of a Lanyard bearer token is {} in Bitbucket: not authenticated", username,
                    user == null ? "gone" : "inactive");
            return null;
        }
        return user;
    }

    private ApplicationUser takeVerifiedUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object verified = session.getAttribute(VERIFIED_USERNAME);
        if (!(verified instanceof String)) {
            return null;
        }
        session.removeAttribute(VERIFIED_USERNAME); // once: a replayed session cookie cannot log in again
        ApplicationUser user = userService.getUserByName((String) verified);
        if (user == null || !user.isActive()) {
            LOG.warn("The user {} verified by Lanyard is {} in Bitbucket: not logging in", verified,
                    user == null ? "gone" : "inactive");
            return null;
        }
        request.setAttribute(AUTHENTICATED_USERNAME, user.getName());
        return user;
    }

    @Override
    public boolean onAuthenticationSuccess(HttpAuthenticationSuccessContext context) {
        HttpServletRequest request = context.getRequest();
        Object username = request.getAttribute(AUTHENTICATED_USERNAME);
        if (username != null) {
            request.getSession(true).setAttribute(SSO_IDENTITY, username);
        }
        return false; // never writes the response: Bitbucket continues to the page
    }

    @Override
    public void validateAuthentication(HttpAuthenticationContext context) {
        HttpServletRequest request = context.getRequest();
        HttpSession session = request.getSession(false);
        Object identity = session == null ? null : session.getAttribute(SSO_IDENTITY);
        if (identity == null) {
            return; // not authenticated by Lanyard
        }
        String current = currentUsername(request);
        if (current == null || current.equalsIgnoreCase(identity.toString())) {
            return; // only a positive mismatch expires a session: an unknown current user proves nothing
        }
        session.removeAttribute(SSO_IDENTITY);
        LOG.warn("Session authenticated by Lanyard as {} now belongs to {}: expiring it", identity, current);
        expire(session, identity.toString(), current);
    }

    private String currentUsername(HttpServletRequest request) {
        String remoteUser = request.getRemoteUser();
        if (remoteUser != null) {
            return remoteUser;
        }
        UserProfile profile = salUserManager.getRemoteUser(request);
        return profile == null ? null : profile.getUsername();
    }

    private void expire(HttpSession session, String identity, String current) {
        ExpiredAuthenticationException expired;
        try {
            expired = new ExpiredAuthenticationException(i18nService.getKeyedText(IDENTITY_MISMATCH_KEY,
                    "The single sign-on identity {0} of this session does not match its user {1}", identity, current));
        } catch (LinkageError e) {
            // UNCONFIRMED exception type on this Bitbucket: end the session ourselves; the next request is anonymous.
            LOG.warn("Bitbucket's ExpiredAuthenticationException is unavailable ({}); invalidating the session", e.toString());
            session.invalidate();
            return;
        }
        throw expired;
    }

    @Override
    public void logout(ApplicationUser user, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(VERIFIED_USERNAME);
            session.removeAttribute(SSO_IDENTITY);
        }
    }
}
