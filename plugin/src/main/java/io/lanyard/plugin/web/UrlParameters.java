package io.lanyard.plugin.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds query strings for the redirects and links of our own pages. */
final class UrlParameters {

    private UrlParameters() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code path?name=value}, or just {@code path} when the value is absent. */
    static String withParameter(String path, String name, String value) {
        if (value == null || value.isEmpty()) {
            return path;
        }
        return path + (path.indexOf('?') < 0 ? '?' : '&') + name + '=' + encode(value);
    }
}
