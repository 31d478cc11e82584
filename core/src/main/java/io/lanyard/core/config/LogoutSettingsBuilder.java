package io.lanyard.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The logout part of a provider's builder ({@link IdentityProviderConfigBuilder#logout()}): what the XML file, the
 * admin form and the JSON API set, and the rules of the values. Errors are reported under the field names the admin
 * form and the JSON API use.
 */
public final class LogoutSettingsBuilder {

    private LogoutSettings.LogoutMode mode = LogoutSettings.LogoutMode.LOCAL_ONLY;
    private LogoutSettings.AfterLogout afterLogout = LogoutSettings.AfterLogout.LOGGED_OUT_PAGE;
    private boolean backChannel = true;
    private boolean frontChannel = true;
    private Duration sessionLifetime;

    LogoutSettingsBuilder() {
    }

    public LogoutSettingsBuilder mode(LogoutSettings.LogoutMode value) { this.mode = value; return this; }
    public LogoutSettingsBuilder afterLogout(LogoutSettings.AfterLogout value) { this.afterLogout = value; return this; }
    public LogoutSettingsBuilder backChannel(boolean value) { this.backChannel = value; return this; }
    public LogoutSettingsBuilder frontChannel(boolean value) { this.frontChannel = value; return this; }
    /** Null for no cap. */
    public LogoutSettingsBuilder sessionLifetime(Duration value) { this.sessionLifetime = value; return this; }

    /**
     * @throws ConfigurationException listing every invalid field
     */
    public LogoutSettings build() {
        List<FieldError> errors = new ArrayList<>();
        LogoutSettings settings = build(errors);
        if (!errors.isEmpty()) {
            throw new ConfigurationException("logout settings are invalid", errors);
        }
        return settings;
    }

    /** The settings, or null after adding every reason to {@code errors} (for the provider's builder). */
    LogoutSettings build(List<FieldError> errors) {
        int before = errors.size();
        if (mode == null) {
            errors.add(new FieldError("logoutMode", "must be LOCAL_ONLY or ALSO_AT_PROVIDER"));
        }
        if (afterLogout == null) {
            errors.add(new FieldError("afterLogout", "must be LOGGED_OUT_PAGE or START_PAGE"));
        }
        if (sessionLifetime != null && (sessionLifetime.compareTo(LogoutSettings.MIN_SESSION_LIFETIME) < 0
                || sessionLifetime.compareTo(LogoutSettings.MAX_SESSION_LIFETIME) > 0)) {
            errors.add(new FieldError("sessionLifetime", "must be empty (no cap) or between "
                    + LogoutSettings.MIN_SESSION_LIFETIME.toSeconds() + " and "
                    + LogoutSettings.MAX_SESSION_LIFETIME.toSeconds() + " seconds"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new LogoutSettings(mode, afterLogout, backChannel, frontChannel, Optional.ofNullable(sessionLifetime));
    }
}
