package io.lanyard.plugin.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/**
 * Our own stylesheet and script of the admin pages ({@code web/} in the plugin), read once and served from a fixed
 * list: no path from the request ever reaches the class loader.
 */
public final class StaticResources {

    static final String BASE = "/static/";
    private static final Map<String, String> TYPES = Map.of(
            "lanyard-admin.css", "text/css;charset=UTF-8",
            "lanyard-admin.js", "text/javascript;charset=UTF-8");

    private final Map<String, byte[]> contents;

    public StaticResources() {
        this.contents = TYPES.keySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                name -> name, StaticResources::read));
    }

    /** @return false when there is no such resource */
    boolean serve(String name, HttpServletResponse response, String contentSecurityPolicy) throws IOException {
        byte[] content = contents.get(name);
        if (content == null) {
            return false;
        }
        AdminGuard.securityHeaders(response, contentSecurityPolicy);
        response.setContentType(TYPES.get(name));
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
        return true;
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticResources.class.getClassLoader().getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/" + name + " is missing from the plugin");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
