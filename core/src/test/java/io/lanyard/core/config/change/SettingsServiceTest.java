package io.lanyard.core.config.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.config.xml.SettingsXml;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings in force: changed only whole and valid, picked up when another node changes the file, never lost. */
class SettingsServiceTest {

    @TempDir
    Path home;

    @Test
    void aChangeIsStoredAndSeenByAnotherNode() {
        SettingsService node1 = new SettingsService(Optional.of(home));
        SettingsService node2 = new SettingsService(Optional.of(home));

        node1.change(s -> s.toBuilder().ssoEnforced(true).build());

        assertThat(node1.current().signIn().ssoEnforced()).isTrue();
        assertThat(node2.current().signIn().ssoEnforced()).isFalse();
        assertThat(node2.refreshed().signIn().ssoEnforced()).isTrue();
    }

    @Test
    void anInvalidChangeLeavesFileAndSettingsAsTheyWere() throws IOException {
        SettingsService service = new SettingsService(Optional.of(home));
        service.change(s -> s.toBuilder().ssoEnforced(true).build());
        String before = Files.readString(home.resolve(SettingsXml.FILE_NAME));

        assertThatThrownBy(() -> service.change(s -> s.toBuilder().loopMaxLogins(0).build()))
                .isInstanceOf(ConfigurationException.class);

        assertThat(Files.readString(home.resolve(SettingsXml.FILE_NAME))).isEqualTo(before);
        assertThat(service.current().signIn().ssoEnforced()).isTrue();
    }

    @Test
    void aBrokenFileKeepsTheSettingsInForce() throws IOException {
        SettingsService service = new SettingsService(Optional.of(home));
        service.change(s -> s.toBuilder().ssoEnforced(true).build());
        Path file = home.resolve(SettingsXml.FILE_NAME);
        Files.writeString(file, "<lanyard-settings version=\"1\"><sign-in><SSO_ENFORCED>maybe");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(service.refreshed().signIn().ssoEnforced()).isTrue();
    }

    @Test
    void aBrokenFileAtStartMeansTheDefaultsNotAFailure() throws IOException {
        Files.writeString(home.resolve(SettingsXml.FILE_NAME), "not xml");

        assertThat(new SettingsService(Optional.of(home)).current()).isEqualTo(LanyardSettings.defaults());
    }

    @Test
    void withoutAHomeTheDefaultsHoldAndAChangeIsRefusedWithItsCode() {
        SettingsService service = new SettingsService(Optional.empty());

        assertThat(service.refreshed()).isEqualTo(LanyardSettings.defaults());
        assertThatThrownBy(() -> service.change(s -> s)).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_UNREADABLE));
    }
}
