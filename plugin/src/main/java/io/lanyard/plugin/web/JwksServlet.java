package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.signing.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lanyard's public signing keys at {@code /plugins/servlet/lanyard/jwks}, a JWK Set (RFC 7517 §5,
 * {@code application/jwk-set+json}) for providers that fetch the keys of {@code private_key_jwt} clients (Keycloak:
 * "Use JWKS URL"). Public keys only, to anyone: nothing here is secret. The next key appears here before Lanyard signs
 * with it, and a retired one stays until its assertions have expired; a short cache time lets providers see both.
 */
@UnrestrictedAccess
public final class JwksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JwksServlet.class);
    /** Providers may keep the keys five minutes: a rotation publishes the next key well before it is used. */
    static final String CACHE_CONTROL = "public, max-age=300";

    private final transient SigningKeys keys;

    public JwksServlet(SigningKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try {
            body = keys.publicJwks().getBytes(StandardCharsets.UTF_8);
        } catch (LanyardException e) {
            LOG.warn("{} Lanyard's JWKS cannot be served: {}", e.errorCode().code(), e.getMessage());
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.errorCode().code()
                    + " Lanyard's signing keys are not available; see the application log.");
            return;
        }
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/jwk-set+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
