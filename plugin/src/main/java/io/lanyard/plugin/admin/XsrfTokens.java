package io.lanyard.plugin.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * One random token per session that every state-changing admin request must carry: in the hidden form field
 * {@value #FORM_FIELD} of a posted body or in the header {@value #HEADER}, never in a URL. A page of another site can make the browser send the
 * session cookie, but cannot read this token, so it cannot forge such a request. Compared in constant time.
 */
public final class XsrfTokens {

    public static final String FORM_FIELD = "lanyard_xsrf";
    public static final String HEADER = "X-Lanyard-XSRF";
    static final String SESSION_ATTRIBUTE = "io.lanyard.admin.xsrf";
    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** This session's token, created with the session's first admin page. */
    public String tokenFor(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            Object existing = session.getAttribute(SESSION_ATTRIBUTE);
            if (existing instanceof String) {
                return (String) existing;
            }
            byte[] bytes = new byte[TOKEN_BYTES];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(SESSION_ATTRIBUTE, token);
            return token;
        }
    }

    /** Whether {@code presented} is this session's token; false without a session or a token. */
    boolean isValid(HttpServletRequest request, String presented) {
        HttpSession session = request.getSession(false);
        if (session == null || presented == null || presented.isEmpty()) {
            return false;
        }
        Object expected = session.getAttribute(SESSION_ATTRIBUTE);
        return expected instanceof String
                && MessageDigest.isEqual(((String) expected).getBytes(StandardCharsets.US_ASCII),
                        presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A form post's token: in the header, or in the posted body, never in the query string. A token in a URL reaches
     * access logs, proxies and {@code Referer} headers, and the servlet API mixes query and body parameters, so a
     * request whose query string names the field at all is refused whatever else it carries.
     */
    boolean isValidForm(HttpServletRequest request) {
        if (isValidHeader(request)) {
            return true;
        }
        return !namesFormField(request.getQueryString()) && isValid(request, request.getParameter(FORM_FIELD));
    }

    /** Whether a query string has a parameter named {@value #FORM_FIELD}, however it is encoded. */
    static boolean namesFormField(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return false;
        }
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                if (FORM_FIELD.equals(URLDecoder.decode(name, StandardCharsets.UTF_8))) {
                    return true;
                }
            } catch (IllegalArgumentException malformed) {
                return true; // what a container makes of it is unknown: doubtful, so refused
            }
        }
        return false;
    }

    public boolean isValidHeader(HttpServletRequest request) {
        return isValid(request, request.getHeader(HEADER));
    }
}
