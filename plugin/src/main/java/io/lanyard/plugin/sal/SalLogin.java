package io.lanyard.plugin.sal;

import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.exception.InactiveAccountException;
import com.atlassian.crowd.exception.runtime.OperationFailedException;
import com.atlassian.crowd.exception.runtime.UserNotFoundException;
import com.atlassian.sal.api.auth.AuthenticationController;
import com.atlassian.sal.api.auth.AuthenticationListener;
import com.atlassian.sal.api.auth.Authenticator;
import com.atlassian.sal.api.message.Message;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserResolutionException;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.io.Serializable;
import java.security.Principal;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single sign-on login the way Atlassian's own SSO plugin does it on all four products (docs/host-evidence.md,
 * topic 1.1), through SAL: the directory refreshes the user ({@code CrowdService.userAuthenticated}, where the product
 * has it), SAL resolves the product's principal, the product says whether that principal may log in
 * ({@code AuthenticationController.canLogin}), a new session is made and marked as a single sign-on, and the product's
 * own SAL listener establishes the login ({@code AuthenticationListener.authenticationSuccess}). Product adapters add
 * only what SAL lacks.
 *
 * <p>Whatever decides about the user fails closed with its code; what only refreshes or records degrades with one
 * warning. A listener that is missing or does not link reports {@code false}, so that the caller logs in its own way.
 */
public final class SalLogin {

    /**
     * Session: set on a session made by a single sign-on. Confluence's SAL listener then records the login (last
     * login, failed-login count) and publishes its {@code LoginEvent} with source SSO (docs/host-evidence.md, 1.1).
     */
    public static final String SSO_SESSION_ATTRIBUTE = "com.atlassian.plugins.authentication.userLoggedInWithSso";
    /** The key of the success message handed to the listener, which may log it; its text is its {@code toString}. */
    static final String SUCCESS_MESSAGE_KEY = "lanyard.login.success";

    private static final Logger LOG = LoggerFactory.getLogger(SalLogin.class);

    private final String product;
    private final UserManager userManager;
    private final AuthenticationController authenticationController;
    private final AuthenticationListener authenticationListener;
    private final CrowdService crowdService;

    /** For a product whose users are not refreshed at login (Bamboo: Atlassian's SSO only resolves them there). */
    public SalLogin(String product, UserManager userManager, AuthenticationController authenticationController,
            AuthenticationListener authenticationListener) {
        this(product, userManager, authenticationController, authenticationListener, null);
    }

    /** @param crowdService refreshes LDAP and Crowd users at login (Jira, Confluence, Bitbucket) */
    public SalLogin(String product, UserManager userManager, AuthenticationController authenticationController,
            AuthenticationListener authenticationListener, CrowdService crowdService) {
        this.product = Objects.requireNonNull(product, "product");
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.authenticationController = Objects.requireNonNull(authenticationController, "authenticationController");
        this.authenticationListener = Objects.requireNonNull(authenticationListener, "authenticationListener");
        this.crowdService = crowdService;
    }

    /** Whether SAL sees a logged-in user on this request; never creates a session. */
    public boolean hasRemoteUser(HttpServletRequest request) {
        return userManager.getRemoteUserKey(request) != null;
    }

    /**
     * The product's principal for {@code username}, refreshed from its directory, once the product has agreed that it
     * may log in. Touches no session.
     *
     * @throws LanyardException {@code USER_NOT_FOUND}, {@code USER_INACTIVE}, {@code USER_NOT_PERMITTED},
     *         {@code HOST_LOGIN_FAILED} or {@code HOST_API_UNAVAILABLE}
     */
    public Principal permittedPrincipal(String username, HttpServletRequest request) {
        refreshFromDirectory(username);
        Principal principal = resolve(username);
        boolean permitted;
        try {
            permitted = authenticationController.canLogin(principal, request);
        } catch (LinkageError e) {
            throw unavailable("AuthenticationController.canLogin", e);
        } catch (RuntimeException e) {
            throw new LanyardException(ErrorCode.HOST_LOGIN_FAILED,
                    product + " could not say whether \"" + username + "\" may log in: " + e, e);
        }
        if (!permitted) {
            throw new LanyardException(ErrorCode.USER_NOT_PERMITTED,
                    product + " does not let \"" + username + "\" log in (no application access or licence)");
        }
        return principal;
    }

    /** Atlassian's SSO first tells Crowd, so that an LDAP or Crowd user and its groups are current. */
    private void refreshFromDirectory(String username) {
        if (crowdService == null) {
            return;
        }
        try {
            crowdService.userAuthenticated(username);
        } catch (InactiveAccountException e) {
            throw new LanyardException(ErrorCode.USER_INACTIVE, "the directory says \"" + username + "\" is inactive", e);
        } catch (UserNotFoundException e) {
            throw new LanyardException(ErrorCode.USER_NOT_FOUND, "the directory has no \"" + username + "\" any more", e);
        } catch (OperationFailedException e) {
            throw new LanyardException(ErrorCode.HOST_LOGIN_FAILED,
                    "the directory could not refresh \"" + username + "\": " + e, e);
        } catch (RuntimeException | LinkageError e) {
            // Absent service (optional reference) or another Crowd API: the user is logged in as the directory has it.
            LOG.warn("Could not refresh {} from {}'s directory at login ({}); logging in with the data it has", username,
                    product, e.toString());
        }
    }

    private Principal resolve(String username) {
        Principal principal;
        try {
            principal = userManager.resolve(username);
        } catch (UserResolutionException e) {
            throw new LanyardException(ErrorCode.HOST_LOGIN_FAILED,
                    product + " could not resolve \"" + username + "\" to one user: " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw unavailable("UserManager.resolve", e);
        }
        if (principal == null) {
            throw new LanyardException(ErrorCode.USER_NOT_FOUND, product + " has no user \"" + username + "\" any more");
        }
        return principal;
    }

    /**
     * A new session for the login (the one the browser came with, if any, is invalidated: session fixation, and no
     * state of an anonymous visit survives), marked as a single sign-on.
     */
    public static HttpSession newSession(HttpServletRequest request) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            try {
                old.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // nothing to end
            }
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SSO_SESSION_ATTRIBUTE, Boolean.TRUE);
        return session;
    }

    /**
     * Hands the login to the product's SAL listener, which establishes its session.
     *
     * @return false, with one warning, when the listener is missing, does not link or fails: the caller logs in its
     *         own way
     */
    public boolean authenticationSuccess(Principal principal, HttpServletRequest request, HttpServletResponse response) {
        try {
            authenticationListener.authenticationSuccess(
                    new Authenticator.Result.Success(new SuccessMessage(principal.getName()), principal), request, response);
            return true;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("{}'s SAL authentication listener did not take the login of {} ({}); logging in without it",
                    product, principal.getName(), e.toString());
            return false;
        }
    }

    private LanyardException unavailable(String api, LinkageError e) {
        return new LanyardException(ErrorCode.HOST_API_UNAVAILABLE,
                product + "'s SAL lacks " + api + " as Lanyard knows it: " + e, e);
    }

    /** What the listener may log (SAL's {@code Result.getMessage()} is the message's {@code toString}). */
    private static final class SuccessMessage implements Message {

        private static final long serialVersionUID = 1L;

        private final String username;

        SuccessMessage(String username) {
            this.username = username;
        }

        @Override
        public String getKey() {
            return SUCCESS_MESSAGE_KEY;
        }

        @Override
        public Serializable[] getArguments() {
            return new Serializable[] {username};
        }

        @Override
        public String toString() {
            return "Signed in with single sign-on (Lanyard) as " + username;
        }
    }
}
