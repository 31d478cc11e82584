package io.lanyard.plugin.web;

import io.lanyard.core.host.BaseUrl;
import java.net.URI;
import java.util.Locale;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

/**
 * The {@code Set-Cookie} headers of Lanyard's own short-lived cookies (pending logins, the state of a logout at the
 * provider): each scoped to the one Lanyard path that reads it under the base URL, {@code HttpOnly},
 * {@code SameSite=Lax} (they must come back with the provider's top-level redirect), {@code Secure} on https.
 */
final class LanyardCookies {

    private LanyardCookies() {
    }

    /** @param lanyardPath the path under the base URL that reads the cookie, e.g. {@code LanyardPaths.POST_LOGOUT} */
    static String header(BaseUrl baseUrl, String lanyardPath, String name, String value, long maxAgeSeconds) {
        URI base = baseUrl.baseUrl();
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath) + lanyardPath;
        boolean secure = "https".equals(base.getScheme().toLowerCase(Locale.ROOT));
        return name + "=" + value + "; Max-Age=" + maxAgeSeconds + "; Path=" + path + (secure ? "; Secure" : "")
                + "; HttpOnly; SameSite=Lax";
    }

    /** The value of the request's cookie {@code name}, without the double quotes RFC 6265 §4.1.1 allows; or null. */
    static String value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                String value = cookie.getValue();
                return value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }
}
