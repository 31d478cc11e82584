package io.lanyard.plugin.web;

import io.lanyard.core.host.BaseUrl;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a login starts, sends a browser that reached the host under another address than the base URL (the sandbox
 * opened at {@code http://127.0.0.1:8080/} while its base URL says {@code localhost}; Jira reached through a second
 * DNS name) to the same path on the base URL. The login's cookie is set for the host the browser is on, and the
 * provider sends the browser back to the base URL: started elsewhere, the login could never complete.
 *
 * <p>A proxy that hides the browser's host from the application (no {@code Host} header passed on, or Tomcat's
 * {@code proxyName} not set) would make every request look like another address: a request that was sent here already
 * ({@value #MARKER}) goes on to its login, and the log says what to fix, so that no browser is sent round in circles.
 */
final class BaseUrlRedirect {

    static final String MARKER = "lanyard_base_url";
    private static final Logger LOG = LoggerFactory.getLogger(BaseUrlRedirect.class);
    private static final long WARNING_INTERVAL_MILLIS = 10 * 60 * 1000;

    private final BaseUrl baseUrl;
    private final AtomicLong lastWarning = new AtomicLong();

    BaseUrlRedirect(BaseUrl baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /**
     * @return whether the browser was sent to the base URL (the response is then complete); false when the request
     *         came in under the base URL's address and the login may start here
     */
    boolean sendToBaseUrlIfElsewhere(HttpServletRequest request, HttpServletResponse response) throws IOException {
        URI base = baseUrl.baseUrl();
        if (isBaseUrlsAddress(request, base)) {
            return false;
        }
        if ("1".equals(request.getParameter(MARKER))) {
            warnOfTheProxy(request, base);
            return false;
        }
        String pathAfterContext = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        String target = stripTrailingSlash(base.toString()) + pathAfterContext + "?"
                + (query == null || query.isEmpty() ? "" : query + "&") + MARKER + "=1";
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(target);
        return true;
    }

    private static boolean isBaseUrlsAddress(HttpServletRequest request, URI base) {
        return base.getScheme().equalsIgnoreCase(request.getScheme())
                && base.getHost() != null && base.getHost().equalsIgnoreCase(request.getServerName())
                && portOf(base) == request.getServerPort();
    }

    private static int portOf(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private void warnOfTheProxy(HttpServletRequest request, URI base) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last > WARNING_INTERVAL_MILLIS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("A login request sent to the base URL {} still arrived as {}://{}:{}: a proxy in front of the "
                    + "application does not pass on the browser's address (the Host header, or Tomcat's proxyName, "
                    + "proxyPort and scheme). Logins start anyway; if they end in LNY-401, fix the proxy.", base,
                    request.getScheme(), request.getServerName(), request.getServerPort());
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
