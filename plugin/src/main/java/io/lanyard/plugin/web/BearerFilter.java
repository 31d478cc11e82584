package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.bearer.BearerAuthenticator;
import io.lanyard.core.bearer.BearerOutcome;
import io.lanyard.core.bearer.BearerOutcome.Granted;
import io.lanyard.core.bearer.BearerOutcome.Refused;
import io.lanyard.core.error.LanyardException;
import io.lanyard.plugin.session.RequestLogin;
import java.io.IOException;
import java.util.Objects;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * API access (issue 16): a request with Lanyard's bearer token runs as the token's account, for that request only;
 * a refused token gets 401/403 with {@code WWW-Authenticate: Bearer} (RFC 6750 §3), never a redirect or a session.
 *
 * <p>The host runs this filter on every request. A request without {@code Authorization: Bearer} passes after one
 * header lookup and a prefix comparison, without allocating; one whose token is not Lanyard's (the products' own
 * tokens, other issuers) passes untouched after a look at its shape. Holds no state of a request.
 */
@UnrestrictedAccess
public final class BearerFilter implements Filter {

    private final BearerAuthenticator authenticator;
    private final RequestLogin requestLogin;
    private final CorrelationIds correlationIds = new CorrelationIds();

    public BearerFilter(BearerAuthenticator authenticator, RequestLogin requestLogin) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.requestLogin = Objects.requireNonNull(requestLogin, "requestLogin");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest httpRequest = (HttpServletRequest) request;
        String authorization = httpRequest.getHeader("Authorization");
        if (!BearerAuthenticator.isBearer(authorization)) {
            chain.doFilter(request, response);
            return;
        }
        BearerOutcome outcome = authenticator.authenticate(authorization, httpRequest, ServletBearerRequest.READER);
        HttpServletResponse httpResponse = (HttpServletResponse) response;
        if (outcome instanceof Granted granted) {
            try {
                requestLogin.proceedAs(granted.username(), httpRequest, httpResponse, chain);
            } catch (LanyardException refusedByHost) {
                BearerChallenge.send(httpResponse, new Refused(refusedByHost.errorCode(), refusedByHost.getMessage()),
                        correlationIds.next());
            }
        } else if (outcome instanceof Refused refused) {
            BearerChallenge.send(httpResponse, refused, correlationIds.next());
        } else {
            chain.doFilter(request, response);
        }
    }
}
