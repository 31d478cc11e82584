package io.lanyard.plugin.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * One random token per session that every state-changing admin request must carry: in the hidden form field
 * {@value #FORM_FIELD} or in the header {@value #HEADER}. A page of another site can make the browser send the
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

    boolean isValidForm(HttpServletRequest request) {
        return isValid(request, request.getParameter(FORM_FIELD));
    }

    public boolean isValidHeader(HttpServletRequest request) {
        return isValid(request, request.getHeader(HEADER));
    }
}
