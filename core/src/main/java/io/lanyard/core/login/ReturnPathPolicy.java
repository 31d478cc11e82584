package io.lanyard.core.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides where a browser may be sent after login: only somewhere below the host's own base URL (RFC 9700
 * §4.11: no open redirector). Anything doubtful becomes {@code /}, the host's start page.
 */
public final class ReturnPathPolicy {

    static final String HOME = "/";
    private static final int MAX_LENGTH = 2048;

    private ReturnPathPolicy() {
    }

    /**
     * @param requested the untrusted destination: a path relative to the base URL ({@code /browse/X}) or an
     *                  absolute URL on the base URL's origin and below its path
     * @return a path relative to the base URL, starting with a single {@code /}
     */
    public static String sanitize(String requested, URI baseUrl) {
        if (requested == null || requested.isEmpty() || requested.length() > MAX_LENGTH || hasForbiddenCharacter(requested)) {
            return HOME;
        }
        URI uri;
        try {
            uri = new URI(requested);
        } catch (URISyntaxException e) {
            return HOME;
        }
        if (uri.isAbsolute()) {
            return sameOriginPath(uri, baseUrl);
        }
        // "//host/path" is protocol-relative: another origin.
        if (!requested.startsWith("/") || requested.startsWith("//") || uri.getRawAuthority() != null) {
            return HOME;
        }
        return pathAndQuery(uri);
    }

    /** Control characters (header injection), backslashes (browsers read "/\" as "//") and whitespace. */
    private static boolean hasForbiddenCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private static String sameOriginPath(URI uri, URI baseUrl) {
        if (!sameOrigin(uri, baseUrl) || uri.getRawUserInfo() != null) {
            return HOME;
        }
        String basePath = baseUrl.getRawPath() == null ? "" : stripTrailingSlash(baseUrl.getRawPath());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!basePath.isEmpty()) {
            if (path.equals(basePath)) {
                path = "/";
            } else if (path.startsWith(basePath + "/")) {
                path = path.substring(basePath.length());
            } else {
                return HOME;
            }
        }
        if (path.startsWith("//")) {
            return HOME;
        }
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static boolean sameOrigin(URI uri, URI baseUrl) {
        return uri.getScheme().equalsIgnoreCase(baseUrl.getScheme())
                && uri.getHost() != null && uri.getHost().equalsIgnoreCase(baseUrl.getHost())
                && port(uri) == port(baseUrl);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
