package io.lanyard.plugin.web;

import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.signin.LoginLoop;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The sign-in page's two small cookies, kept in the browser so that no node keeps anything per browser: the provider
 * a person chose with "remember my choice" ({@value #CHOICE}), and the loop breaker's count of the logins this browser
 * started ({@value #LOOP}). Both for the whole site (the login page is the product's), {@code HttpOnly},
 * {@code SameSite=Lax}, {@code Secure} when the base URL is https; neither holds anything secret, and what a browser
 * sends back is checked before use (an id of an enabled provider, a count in the window).
 */
final class SignInCookies {

    static final String CHOICE = "lanyard_choice";
    static final String LOOP = "lanyard_loop";

    private final BaseUrl baseUrl;
    private final Clock clock;

    SignInCookies(BaseUrl baseUrl, Clock clock) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The provider id the browser remembered, if it is well-formed (whether it is enabled is the caller's question). */
    Optional<String> rememberedProvider(HttpServletRequest request) {
        return value(request, CHOICE).filter(IntegrationKind.IDENTITY_PROVIDER::isWellFormedId);
    }

    void remember(HttpServletResponse response, String identityProviderId, Duration howLong) {
        response.addHeader("Set-Cookie", cookie(CHOICE, identityProviderId, howLong.toSeconds()));
    }

    void forgetChoice(HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie(CHOICE, "", 0));
    }

    /** The logins this browser started within {@code window}. */
    LoginLoop loop(HttpServletRequest request, Duration window) {
        return LoginLoop.fromText(value(request, LOOP).orElse(null), clock.instant(), window);
    }

    void countLoop(HttpServletResponse response, LoginLoop loop, Duration window) {
        long left = Duration.between(clock.instant(), loop.expiresAt(window)).toSeconds();
        response.addHeader("Set-Cookie", cookie(LOOP, loop.toText(), Math.max(1, left)));
    }

    /** Records a failure's code with the count, when a count is running. */
    void noteFailure(HttpServletResponse response, LoginLoop loop, String code, Duration window) {
        if (loop.count() > 0) {
            countLoop(response, loop.failedWith(code), window);
        }
    }

    Instant now() {
        return clock.instant();
    }

    private static Optional<String> value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private String cookie(String name, String value, long maxAgeSeconds) {
        URI base = baseUrl.baseUrl();
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = basePath.endsWith("/") ? basePath : basePath + "/";
        boolean secure = "https".equals(base.getScheme().toLowerCase(Locale.ROOT));
        return name + "=" + value + "; Max-Age=" + maxAgeSeconds + "; Path=" + path + (secure ? "; Secure" : "")
                + "; HttpOnly; SameSite=Lax";
    }
}
