package io.lanyard.core.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Decides where a browser may be sent after login: only somewhere below the host's own base URL (RFC 9700
 * §4.11: no open redirector), checked on the path as the browser will resolve it (dot segments removed, however they
 * are spelt). Anything doubtful becomes {@code /}, the host's start page.
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
        String path = withoutDotSegments(uri.getRawPath());
        return path == null || path.startsWith("//") ? HOME : withQuery(path, uri);
    }

    /**
     * RFC 3986 §5.2.4, as browsers and servlet containers apply it: the path without its dot segments, so that what is
     * checked is where the browser will go. A segment counts as a dot segment also when its dots are percent-encoded
     * ({@code %2e%2e}, as the WHATWG URL parser reads it) or followed by path parameters ({@code ..;}, as Tomcat reads
     * it). Null when the path climbs above the root, or holds an encoded slash or backslash (containers disagree on
     * what those mean): such a path is doubtful and goes home.
     *
     * @param rawPath a raw path starting with {@code /}
     */
    static String withoutDotSegments(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            return null;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        Deque<String> kept = new ArrayDeque<>();
        for (int i = 0; i < segments.length; i++) {
            String dots = dotsOf(segments[i]);
            boolean last = i == segments.length - 1;
            if (dots.equals("..")) {
                if (kept.isEmpty()) {
                    return null;
                }
                kept.removeLast();
            } else if (!dots.equals(".")) {
                kept.addLast(segments[i]);
                continue;
            }
            if (last) {
                kept.addLast(""); // "/a/b/.." is the folder "/a/"
            }
        }
        return "/" + String.join("/", kept);
    }

    /** The segment's name as a dot segment is recognised: path parameters dropped, {@code %2e} read as a dot. */
    private static String dotsOf(String segment) {
        int parameters = segment.indexOf(';');
        String name = parameters < 0 ? segment : segment.substring(0, parameters);
        return name.length() > 6 ? name : name.replace("%2e", ".").replace("%2E", ".");
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
        // Normalised before the prefix check: "/jira/../confluence" starts with "/jira/" but is not below it.
        String path = withoutDotSegments(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (path == null) {
            return HOME;
        }
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
        return withQuery(path, uri);
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

    private static String withQuery(String path, URI uri) {
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
