package io.lanyard.core.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How sessions that one identity provider started end (OpenID Connect RP-Initiated, Back-Channel and Front-Channel
 * Logout 1.0), validated and immutable; one component of {@link IdentityProviderConfig}. The defaults keep a provider
 * as it was before logout was configurable: a logout in the product is local only, no session lifetime cap; the
 * provider's back- and front-channel logouts are accepted (they only ever end sessions, and only when the provider
 * sends them).
 *
 * @param mode            what a logout in the product does at the provider
 * @param afterLogout     where the browser lands when it comes back from the provider's logout
 * @param backChannel     whether {@code …/backchannel-logout/<id>} accepts this provider's logout tokens
 * @param frontChannel    whether {@code …/frontchannel-logout/<id>} accepts this provider's logout requests
 * @param sessionLifetime when present, a product session this provider started ends after this long and is renewed at
 *                        the provider ({@code prompt=none} first, so a live session at the provider needs no password)
 */
public record LogoutSettings(LogoutMode mode, AfterLogout afterLogout, boolean backChannel, boolean frontChannel,
        Optional<Duration> sessionLifetime) {

    /** Shorter caps would send people through their provider every few minutes. */
    public static final Duration MIN_SESSION_LIFETIME = Duration.ofMinutes(5);
    /** Longer than any product keeps a session. */
    public static final Duration MAX_SESSION_LIFETIME = Duration.ofDays(30);

    /** What a logout in the product does at the identity provider. */
    public enum LogoutMode {
        /** Only the product's session ends; the person stays signed in at the provider. */
        LOCAL_ONLY,
        /** The product's session ends, then the browser goes to the provider's {@code end_session_endpoint}. */
        ALSO_AT_PROVIDER;

        /** The mode of this exact name (the XML file's and the JSON API's spelling). */
        public static Optional<LogoutMode> named(String name) {
            return Arrays.stream(values()).filter(mode -> mode.name().equals(name)).findFirst();
        }
    }

    /** Where the browser goes when it comes back from the provider's logout. */
    public enum AfterLogout {
        /** Lanyard's logged-out page. */
        LOGGED_OUT_PAGE,
        /** The product's start page (which asks for a login again where anonymous access is off). */
        START_PAGE;

        /** The landing of this exact name (the XML file's and the JSON API's spelling). */
        public static Optional<AfterLogout> named(String name) {
            return Arrays.stream(values()).filter(after -> after.name().equals(name)).findFirst();
        }
    }

    public LogoutSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(afterLogout, "afterLogout");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
    }

    public static LogoutSettings defaults() {
        return new LogoutSettings(LogoutMode.LOCAL_ONLY, AfterLogout.LOGGED_OUT_PAGE, true, true, Optional.empty());
    }

    public static LogoutSettingsBuilder builder() {
        return new LogoutSettingsBuilder();
    }

    public LogoutSettingsBuilder toBuilder() {
        return new LogoutSettingsBuilder().mode(mode).afterLogout(afterLogout).backChannel(backChannel)
                .frontChannel(frontChannel).sessionLifetime(sessionLifetime.orElse(null));
    }
}
