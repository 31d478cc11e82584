package io.lanyard.sandbox.app;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * {@code /rest/sandbox/1/session}: what the host's session of this browser is, to watch the bot killer
 * ({@code BotKillerStandIn}) at work. GET never creates a session and answers {@code {"session":false}} without one;
 * POST creates one, as any page of a product that keeps something for an anonymous visitor does. The session's id is
 * never shown.
 */
public final class SessionServlet extends HttpServlet {

    public static final String PATH = "/rest/sandbox/1/session";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, request.getSession(false));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, request.getSession(true));
    }

    private static void write(HttpServletResponse response, HttpSession session) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(session == null ? "{\"session\":false}"
                : "{\"session\":true,\"maxInactiveInterval\":" + session.getMaxInactiveInterval() + "}");
    }
}
