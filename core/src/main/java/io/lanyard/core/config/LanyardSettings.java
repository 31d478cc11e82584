package io.lanyard.core.config;

import java.util.Objects;

/**
 * Lanyard's settings that belong to no single integration, as {@code settings.xml} in Lanyard's folder holds them: one
 * section per feature. Immutable and validated ({@link LanyardSettingsBuilder}); {@link #defaults()} is what Lanyard does
 * without the file, which is what it did before the file existed.
 *
 * @param signIn          the sign-in page: SSO enforced, redirect or beside the form, e-mail routing's default, the
 *                        remembered choice, the loop breaker, re-authentication
 * @param emergencyAccess who may still use the product's own password form while SSO is enforced
 * @param basicAuth       whether HTTP Basic authentication of the accounts Lanyard manages is refused, and the exceptions
 */
public record LanyardSettings(SignInPolicy signIn, EmergencyAccess emergencyAccess, BasicAuthPolicy basicAuth) {

    private static final LanyardSettings DEFAULTS = new LanyardSettings(SignInPolicy.defaults(),
            EmergencyAccess.defaults(), BasicAuthPolicy.defaults());

    public LanyardSettings {
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(emergencyAccess, "emergencyAccess");
        Objects.requireNonNull(basicAuth, "basicAuth");
    }

    /** The sign-in sections alone, Basic authentication as it was before its section existed (allowed). */
    public LanyardSettings(SignInPolicy signIn, EmergencyAccess emergencyAccess) {
        this(signIn, emergencyAccess, BasicAuthPolicy.defaults());
    }

    public static LanyardSettings defaults() {
        return DEFAULTS;
    }

    public static LanyardSettingsBuilder builder() {
        return new LanyardSettingsBuilder();
    }

    public LanyardSettingsBuilder toBuilder() {
        return LanyardSettingsBuilder.from(this);
    }
}
