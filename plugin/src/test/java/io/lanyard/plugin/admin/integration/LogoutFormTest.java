package io.lanyard.plugin.admin.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.config.LogoutSettingsBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The logout part of a provider's admin form (issue 15): what is shown is what is saved; each wrong value is named. */
class LogoutFormTest {

    private static final LogoutSettings EVERYTHING = new LogoutSettings(LogoutSettings.LogoutMode.ALSO_AT_PROVIDER,
            LogoutSettings.AfterLogout.START_PAGE, false, true, Optional.of(Duration.ofHours(8)));

    @Test
    void theFormShowsEverySettingAndSavesItUnchanged() {
        for (LogoutSettings settings : List.of(EVERYTHING, LogoutSettings.defaults())) {
            LogoutSettingsBuilder builder = LogoutSettings.builder();
            List<FieldError> errors = new ArrayList<>();

            LogoutForm.of(settings).applyTo(builder, errors);

            assertThat(errors).isEmpty();
            assertThat(builder.build()).isEqualTo(settings);
        }
    }

    @Test
    void anUnknownChoiceAndALifetimeThatIsNoNumberAreNamed() {
        List<FieldError> errors = new ArrayList<>();

        new LogoutForm("SOMETIMES", "ELSEWHERE", true, true, "8 hours").applyTo(LogoutSettings.builder(), errors);

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("logoutMode", "afterLogout", "sessionLifetime");
    }
}
