package io.lanyard.plugin.seraph;

import com.atlassian.sal.api.user.UserManager;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.session.SessionLogin;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a user in the way Seraph's own login does, in the products whose login is Seraph's (Jira, Confluence,
 * Bamboo): the product's user, found again by name; its principal under Seraph's logged-in key and nothing under the
 * logged-out key ({@link SeraphSession}); the user for the rest of this request; and the login recorded where the
 * product records logins. No remember-me cookie is set. Each product says only how it does the steps that are its
 * own.
 *
 * <p>A product whose API differs from the one Lanyard knows ends in {@code LNY-601} (never a broken request), and its
 * own login keeps working; a login that cannot be recorded stands, with a warning.
 *
 * @param <U> the product's user type
 */
public abstract class SeraphSessionLogin<U> implements SessionLogin {

    private static final Logger LOG = LoggerFactory.getLogger(SeraphSessionLogin.class);

    private final String product;
    private final UserManager salUserManager;

    /** @param product the product's name, for messages, e.g. {@code Jira} */
    protected SeraphSessionLogin(String product, UserManager salUserManager) {
        this.product = Objects.requireNonNull(product, "product");
        this.salUserManager = Objects.requireNonNull(salUserManager, "salUserManager");
    }

    @Override
    public final boolean isLoggedIn(HttpServletRequest request) {
        return SeraphSession.isLoggedIn(request, salUserManager);
    }

    @Override
    public final void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user) {
        U productUser;
        try {
            productUser = findUser(user.username());
            if (productUser == null) {
                throw new LanyardException(ErrorCode.HOST_LOGIN_FAILED,
                        product + " has no user \"" + user.username() + "\" any more");
            }
            SeraphSession.logIn(request, principal(productUser));
            setForThisRequest(productUser);
        } catch (LinkageError e) {
            throw new LanyardException(ErrorCode.HOST_API_UNAVAILABLE,
                    product + "'s Seraph session API differs from the one Lanyard knows: " + e, e);
        }
        try {
            recordLogin(request, productUser);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Could not record the login of {} with {}'s LoginManager ({}); the login stands", user.username(),
                    product, e.toString());
        }
    }

    /** The product's user of this name, or null when there is none any more. */
    protected abstract U findUser(String username);

    /** What the product keeps under Seraph's logged-in key for {@code user}. */
    protected abstract Object principal(U user);

    /** Makes {@code user} the current user of this request, where the product has such a thing. */
    protected void setForThisRequest(U user) {
    }

    /** Records the successful login where the product records logins (failed-login counter, last login). */
    protected void recordLogin(HttpServletRequest request, U user) {
    }
}
