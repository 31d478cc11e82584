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
 */
public record LanyardSettings(SignInPolicy signIn, EmergencyAccess emergencyAccess) {

    private static final LanyardSettings DEFAULTS = new LanyardSettings(SignInPolicy.defaults(),
            EmergencyAccess.defaults());

    public LanyardSettings {
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(emergencyAccess, "emergencyAccess");
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
