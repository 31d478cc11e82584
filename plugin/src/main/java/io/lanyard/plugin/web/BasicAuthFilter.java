package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.bearer.BasicAuthCheck;
import io.lanyard.core.bearer.BearerOutcome;
import io.lanyard.core.bearer.BearerOutcome.Refused;
import io.lanyard.core.error.LogText;
import io.lanyard.core.host.LoginPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The side door of issue 16, closed before the product checks a password: a request with
 * {@code Authorization: Basic} as an account Lanyard manages is answered 401 with {@code WWW-Authenticate: Basic} and
 * {@code LNY-918} when settings.xml's {@code basic-auth} section says so ({@link BasicAuthCheck}). Runs before the
 * product's own Basic authentication (Seraph's login filter; Bitbucket's authentication handlers).
 *
 * <p>Never a lockout: Lanyard's admin pages and the product's login page are not refused even when a browser keeps
 * sending Basic credentials it once cached, and the switch-off file of Lanyard's folder allows everyone at once.
 * A request without {@code Authorization: Basic} passes after one header lookup and a prefix comparison, without
 * allocating. Holds no state of a request.
 */
@UnrestrictedAccess
public final class BasicAuthFilter implements Filter {

    static final String REALM = "lanyard";
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthFilter.class);

    private final BasicAuthCheck check;
    private final List<String> loginPaths;
    private final CorrelationIds correlationIds = new CorrelationIds();

    public BasicAuthFilter(BasicAuthCheck check, LoginPage loginPage) {
        this.check = Objects.requireNonNull(check, "check");
        this.loginPaths = List.copyOf(loginPage.paths());
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
        if (!BasicAuthCheck.isBasic(authorization) || neverRefused(httpRequest)) {
            chain.doFilter(request, response);
            return;
        }
        BearerOutcome outcome = check.check(authorization, httpRequest, ServletBearerRequest.READER);
        if (outcome instanceof Refused refused) {
            refuse((HttpServletResponse) response, refused, correlationIds.next());
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Lanyard's admin pages and the product's login form: a browser with cached Basic credentials still gets in. */
    private boolean neverRefused(HttpServletRequest request) {
        String path = ServletBearerRequest.READER.path(request);
        if (path.equals(LanyardPaths.ADMIN) || path.startsWith(LanyardPaths.ADMIN + "/")) {
            return true;
        }
        for (String login : loginPaths) {
            if (path.equals(login)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 7235 §3.1: 401 with a challenge of the scheme refused, so git and curl show it; the code, no details. */
    static void refuse(HttpServletResponse response, Refused refused, String correlationId) throws IOException {
        LOG.warn("Basic authentication refused [{}]: {} {}", correlationId, refused.code().code(),
                LogText.oneLine(refused.description()));
        response.resetBuffer();
        response.setStatus(refused.httpStatus());
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        byte[] body = ("{\"code\":\"" + refused.code().code() + "\",\"error\":\"" + refused.code().name()
                + "\",\"message\":\"Password authentication is refused for this account: use a personal access "
                + "token or an API access token\",\"reference\":\"" + correlationId + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
