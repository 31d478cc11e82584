package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.config.LogoutSettingsBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A provider's logout settings in the JSON API ({@code "logout": {…}} of {@link IdentityProviderJson}); an absent
 * member takes its default, as every optional field of the API does.
 */
public record LogoutJson(String mode, String afterLogout, Boolean backChannel, Boolean frontChannel,
        Long sessionLifetimeSeconds) {

    static LogoutJson of(LogoutSettings settings) {
        return new LogoutJson(settings.mode().name(), settings.afterLogout().name(), settings.backChannel(),
                settings.frontChannel(), settings.sessionLifetime().map(Duration::toSeconds).orElse(null));
    }

    void applyTo(LogoutSettingsBuilder builder, List<FieldError> errors) {
        if (mode != null) {
            LogoutSettings.LogoutMode.named(mode).ifPresentOrElse(builder::mode,
                    () -> errors.add(new FieldError("logout.mode", "must be LOCAL_ONLY or ALSO_AT_PROVIDER")));
        }
        if (afterLogout != null) {
            LogoutSettings.AfterLogout.named(afterLogout).ifPresentOrElse(builder::afterLogout,
                    () -> errors.add(new FieldError("logout.afterLogout", "must be LOGGED_OUT_PAGE or START_PAGE")));
        }
        Optional.ofNullable(backChannel).ifPresent(builder::backChannel);
        Optional.ofNullable(frontChannel).ifPresent(builder::frontChannel);
        Optional.ofNullable(sessionLifetimeSeconds).map(Duration::ofSeconds).ifPresent(builder::sessionLifetime);
    }
}
