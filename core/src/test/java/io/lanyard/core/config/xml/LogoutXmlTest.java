package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.ProviderXmlFixtures.document;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.provider;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.writeFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.config.LogoutSettings.AfterLogout;
import io.lanyard.core.config.LogoutSettings.LogoutMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider's logout elements in provider.xml: defaults that keep older files' meaning, and their rules. */
class LogoutXmlTest {

    @TempDir
    Path directory;

    private LogoutSettings loadLogout(String... elements) {
        writeFile(directory, document(provider("abc", elements)));
        return IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory).load().get(0).logout();
    }

    private List<FieldError> loadFails(String... elements) {
        writeFile(directory, document(provider("abc", elements)));
        return catchThrowableOfType(ConfigurationException.class,
                () -> IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory).load()).fieldErrors();
    }

    @Test
    void aFileWithoutLogoutElementsMeansWhatItMeantBefore() {
        assertThat(loadLogout()).isEqualTo(LogoutSettings.defaults());
        assertThat(LogoutSettings.defaults().mode()).isEqualTo(LogoutMode.LOCAL_ONLY);
    }

    @Test
    void everyElementIsRead() {
        assertThat(loadLogout("<LOGOUT_MODE>ALSO_AT_PROVIDER</LOGOUT_MODE>", "<AFTER_LOGOUT>START_PAGE</AFTER_LOGOUT>",
                "<BACKCHANNEL_LOGOUT>false</BACKCHANNEL_LOGOUT>", "<FRONTCHANNEL_LOGOUT>false</FRONTCHANNEL_LOGOUT>",
                "<SESSION_LIFETIME_SECONDS>28800</SESSION_LIFETIME_SECONDS>"))
                .isEqualTo(new LogoutSettings(LogoutMode.ALSO_AT_PROVIDER, AfterLogout.START_PAGE, false, false,
                        Optional.of(Duration.ofHours(8))));
    }

    @Test
    void anUnknownModeOrLandingIsRefusedNamingTheField() {
        assertThat(loadFails("<LOGOUT_MODE>EVERYWHERE</LOGOUT_MODE>", "<AFTER_LOGOUT>home</AFTER_LOGOUT>"))
                .extracting(FieldError::field).containsExactly("providers[abc].logoutMode", "providers[abc].afterLogout");
    }

    @Test
    void aLifetimeOutsideFiveMinutesToThirtyDaysIsRefused() {
        assertThat(loadFails("<SESSION_LIFETIME_SECONDS>60</SESSION_LIFETIME_SECONDS>"))
                .extracting(FieldError::field).containsExactly("providers[abc].sessionLifetime");
        assertThat(loadFails("<SESSION_LIFETIME_SECONDS>2592001</SESSION_LIFETIME_SECONDS>"))
                .extracting(FieldError::field).containsExactly("providers[abc].sessionLifetime");
        assertThat(loadLogout("<SESSION_LIFETIME_SECONDS>300</SESSION_LIFETIME_SECONDS>").sessionLifetime())
                .contains(Duration.ofMinutes(5));
    }
}
