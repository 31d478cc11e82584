package io.lanyard.plugin.admin.integration;

import static io.lanyard.plugin.admin.integration.FormLayout.Field.checkbox;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.number;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.select;

import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.config.LogoutSettingsBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A provider form's logout part, as typed ({@link LogoutSettings}; issue 15): the mode (local only, or also at the
 * provider), where the browser lands after it, the back- and front-channel endpoints, and the session lifetime in
 * seconds (empty: no cap). The names are those the settings' builder gives its errors, so the validation banner links
 * to the field.
 */
public record LogoutForm(String logoutMode, String afterLogout, boolean backChannelLogout, boolean frontChannelLogout,
        String sessionLifetime) {

    /** The "Logout" section. */
    static final List<FormLayout.Field> FIELDS = List.of(
            select("logoutMode", Arrays.stream(LogoutSettings.LogoutMode.values()).map(Enum::name).toList(),
                    "lanyard.admin.option."),
            select("afterLogout", Arrays.stream(LogoutSettings.AfterLogout.values()).map(Enum::name).toList(),
                    "lanyard.admin.option."),
            checkbox("backChannelLogout"),
            checkbox("frontChannelLogout"),
            number("sessionLifetime"));

    public static LogoutForm of(LogoutSettings settings) {
        return new LogoutForm(settings.mode().name(), settings.afterLogout().name(), settings.backChannel(),
                settings.frontChannel(), settings.sessionLifetime().map(d -> Long.toString(d.toSeconds())).orElse(""));
    }

    /** Puts the typed values into {@code builder}; what cannot even be parsed is added to {@code errors}. */
    void applyTo(LogoutSettingsBuilder builder, List<FieldError> errors) {
        LogoutSettings.LogoutMode.named(logoutMode.strip()).ifPresentOrElse(builder::mode,
                () -> errors.add(new FieldError("logoutMode", "must be LOCAL_ONLY or ALSO_AT_PROVIDER")));
        LogoutSettings.AfterLogout.named(afterLogout.strip()).ifPresentOrElse(builder::afterLogout,
                () -> errors.add(new FieldError("afterLogout", "must be LOGGED_OUT_PAGE or START_PAGE")));
        builder.backChannel(backChannelLogout).frontChannel(frontChannelLogout);
        String seconds = sessionLifetime.strip();
        if (seconds.isEmpty()) {
            builder.sessionLifetime(null);
            return;
        }
        try {
            builder.sessionLifetime(Duration.ofSeconds(Long.parseLong(seconds)));
        } catch (NumberFormatException e) {
            errors.add(new FieldError("sessionLifetime", "must be empty (no cap) or a whole number of seconds"));
        }
    }
}
