package io.lanyard.plugin.web;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLogin;
import io.lanyard.core.login.PendingLoginSeal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Keeps each login a browser starts in that browser, sealed ({@link PendingLoginSeal}) in a cookie of its own, and
 * hands it out once when the browser comes back: nothing in the session (the host may cut or lose it, and the
 * callback may land on another node) and nothing on the server per login.
 *
 * <p>One cookie per login, named after a hash of its {@code state}, so that logins in several tabs do not displace
 * each other. Each is {@code HttpOnly} (no script reads it), {@code SameSite=Lax} (sent when the provider sends the
 * browser back with a GET, never with another site's POST), {@code Secure} when the base URL is https, sent only to
 * the callback's path, and gone after the login's ten minutes; the callback clears it whatever the outcome.
 */
final class PendingLoginCookies {

    static final String NAME_PREFIX = "lanyard_login_";
    private static final int NAME_HASH_CHARACTERS = 22;

    private final PendingLoginSeal seal;
    private final BaseUrl baseUrl;

    PendingLoginCookies(PendingLoginSeal seal, BaseUrl baseUrl) {
        this.seal = Objects.requireNonNull(seal, "seal");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** Keeps {@code login} in the browser this response goes to. */
    void save(HttpServletResponse response, PendingLogin login) {
        response.addHeader("Set-Cookie", cookie(nameFor(login.state()), seal.seal(login),
                LoginService.LOGIN_TIMEOUT.toSeconds()));
    }

    /**
     * The login this browser started with {@code state}, opened; its cookie is cleared in {@code response} either way.
     *
     * @return empty when the browser has no such cookie (another browser, cookies blocked, over ten minutes)
     * @throws io.lanyard.core.error.LoginFailedException {@code PENDING_LOGIN_UNREADABLE} for a cookie that is not
     *         a login sealed here
     */
    Optional<PendingLogin> take(HttpServletRequest request, HttpServletResponse response, String state) {
        String name = nameFor(state);
        String sealed = LanyardCookies.value(request, name);
        if (sealed == null) {
            return Optional.empty();
        }
        response.addHeader("Set-Cookie", cookie(name, "", 0));
        return Optional.of(seal.open(sealed));
    }

    /** The cookie of the login with {@code state}: any text in, a short cookie name out. */
    static String nameFor(String state) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return NAME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hash)
                    .substring(0, NAME_HASH_CHARACTERS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private String cookie(String name, String value, long maxAgeSeconds) {
        return LanyardCookies.header(baseUrl, LanyardPaths.CALLBACK_PREFIX, name, value, maxAgeSeconds);
    }
}
