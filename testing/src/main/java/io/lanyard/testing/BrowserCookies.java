package io.lanyard.testing;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A cookie jar for the JDK's HTTP client that keeps cookies as browsers do (RFC 6265 §5.3): the JDK's
 * {@link CookieManager} follows the older RFC 2965 and drops a cookie whose {@code Path} is not a prefix of the path of
 * the request that set it, such as Lanyard's pending-login cookie, which the login page sets for the callback's path
 * only. Sending cookies (domain and path matching, expiry) stays the JDK's.
 */
public final class BrowserCookies extends CookieManager {

    public BrowserCookies() {
        super(null, CookiePolicy.ACCEPT_ALL);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, values) -> {
            if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                values.forEach(value -> store(uri, value));
            }
        });
    }

    private void store(URI uri, String header) {
        List<HttpCookie> cookies;
        try {
            cookies = HttpCookie.parse(header);
        } catch (IllegalArgumentException unparsable) {
            return; // a browser ignores it too
        }
        for (HttpCookie cookie : cookies) {
            // the JDK takes Max-Age for an RFC 2965 cookie and would send it back quoted, as no browser does
            cookie.setVersion(0);
            if (cookie.getDomain() == null) {
                cookie.setDomain(uri.getHost());
            }
            if (cookie.getPath() == null) {
                String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
                cookie.setPath(path.substring(0, path.lastIndexOf('/') + 1));
            }
            // a cookie with Max-Age=0 replaces the one of its name, domain and path, and is not kept: it is cleared
            getCookieStore().add(uri, cookie);
        }
    }
}
