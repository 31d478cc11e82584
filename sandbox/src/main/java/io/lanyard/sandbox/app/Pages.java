package io.lanyard.sandbox.app;

import io.lanyard.plugin.web.Html;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The demo app's page frame and the redirect to its login page. */
final class Pages {

    static final String LOGIN_PATH = "/login";
    static final String RETURN_PARAMETER = "os_destination";

    private Pages() {
    }

    static void write(HttpServletResponse response, int status, String title, String body) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + Html.escape(title) + " - Lanyard sandbox</title></head>\n<body>\n"
                + "<p><em>Lanyard sandbox: a demo host, not for real accounts.</em></p>\n"
                + body + "\n</body></html>\n");
    }

    /** As Jira does: the login page with the requested path and query, URL-encoded, in {@code os_destination}. */
    static void redirectToLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String destination = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?" + RETURN_PARAMETER + "="
                + URLEncoder.encode(destination, StandardCharsets.UTF_8));
    }

    /** Only a local path may follow a local login: anything else goes to the start page. */
    static String localDestination(String requested) {
        if (requested == null || !requested.startsWith("/") || requested.startsWith("//") || requested.contains("\\")) {
            return "/";
        }
        for (int i = 0; i < requested.length(); i++) {
            if (requested.charAt(i) < 0x21 || requested.charAt(i) == 0x7f) {
                return "/";
            }
        }
        return requested;
    }
}
