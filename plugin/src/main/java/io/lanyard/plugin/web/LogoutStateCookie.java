package io.lanyard.plugin.web;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.host.BaseUrl;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The {@code state} of a logout at a provider (RP-Initiated Logout 1.0 §2), kept in the browser that left for the
 * provider until it comes back to {@link LanyardPaths#POST_LOGOUT}: {@code <provider id>.<128 random bits>}, so that
 * the return knows where to land without any server-side state (the node it lands on may be another).
 */
final class LogoutStateCookie {

    static final String NAME = "lanyard_logout";
    /** Long enough to sign out at a provider that asks "are you sure?". */
    static final long MAX_AGE_SECONDS = 600;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BaseUrl baseUrl;

    LogoutStateCookie(BaseUrl baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** A new state for a logout at {@code identityProviderId}. */
    static String newState(String identityProviderId) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return identityProviderId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The provider a state names, or empty text for none. */
    static String identityProviderOf(String state) {
        int dot = state == null ? -1 : state.indexOf('.');
        return dot < 0 ? "" : state.substring(0, dot);
    }

    void save(HttpServletResponse response, String state) {
        response.addHeader("Set-Cookie", LanyardCookies.header(baseUrl, LanyardPaths.POST_LOGOUT, NAME, state,
                MAX_AGE_SECONDS));
    }

    /** This browser's state, or null; cleared in {@code response} either way. */
    String take(HttpServletRequest request, HttpServletResponse response) {
        String state = LanyardCookies.value(request, NAME);
        response.addHeader("Set-Cookie", LanyardCookies.header(baseUrl, LanyardPaths.POST_LOGOUT, NAME, "", 0));
        return state;
    }
}
