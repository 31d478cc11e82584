package io.lanyard.core.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How people sign in, for every provider.
 *
 * @param ssoEnforced       password logins on the product's own form are emergency logins, open only to
 *                          {@link EmergencyAccess} (off by default: the form stays open to everyone who asks for it)
 * @param loginPage         what the product's login page does
 * @param defaultProvider   the provider an e-mail address of no configured domain signs in with; empty: the chooser
 * @param rememberChoice    how long the chooser's "remember my choice" lasts; zero: no such option
 * @param loopMaxLogins     logins one browser may start within {@code loopWindow} before the loop breaker stops it
 * @param loopWindow        the loop breaker's window
 * @param reauthenticateAtProvider whether the product's administrator re-authentication (WebSudo) of a person who signed
 *                          in through a provider goes to that provider (where the product offers a way to start it)
 */
public record SignInPolicy(boolean ssoEnforced, LoginPageMode loginPage, Optional<String> defaultProvider,
        Duration rememberChoice, int loopMaxLogins, Duration loopWindow, boolean reauthenticateAtProvider) {

    public static final Duration DEFAULT_REMEMBER_CHOICE = Duration.ofDays(90);
    public static final int DEFAULT_LOOP_MAX_LOGINS = 5;
    public static final Duration DEFAULT_LOOP_WINDOW = Duration.ofSeconds(60);

    public SignInPolicy {
        Objects.requireNonNull(loginPage, "loginPage");
        Objects.requireNonNull(defaultProvider, "defaultProvider");
        Objects.requireNonNull(rememberChoice, "rememberChoice");
        Objects.requireNonNull(loopWindow, "loopWindow");
    }

    static SignInPolicy defaults() {
        return new SignInPolicy(false, LoginPageMode.REDIRECT, Optional.empty(), DEFAULT_REMEMBER_CHOICE,
                DEFAULT_LOOP_MAX_LOGINS, DEFAULT_LOOP_WINDOW, true);
    }

    /** What the product's login page does when at least one provider is enabled. */
    public enum LoginPageMode {
        /** The login page goes to the provider (or the chooser, with several); the form only on request. */
        REDIRECT,
        /** The login page shows a "Sign in with …" button per provider beside the product's password form. */
        ALONGSIDE_FORM
    }
}
