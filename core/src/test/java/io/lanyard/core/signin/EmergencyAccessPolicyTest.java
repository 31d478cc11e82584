package io.lanyard.core.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.EmergencyAccess;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.host.GroupMembership;
import io.lanyard.core.signin.EmergencyAccessPolicy.Decision;
import io.lanyard.core.signin.EmergencyAccessPolicy.Mode;
import io.lanyard.core.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may complete a password login on the product's form, with SSO enforced or not, by group, by time box, by file. */
class EmergencyAccessPolicyTest {

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final GroupMembership groups = new GroupMembership() {
        @Override
        public boolean isSystemAdministrator(String username) {
            return username.equals("admin");
        }

        @Override
        public boolean isMember(String username, String group) {
            return Set.of("carol:break-glass").contains(username + ":" + group);
        }
    };

    private EmergencyAccessPolicy policy() {
        return new EmergencyAccessPolicy(new EmergencyAccessFile(Optional.of(home)), groups, clock);
    }

    private static LanyardSettings enforced() {
        return LanyardSettings.builder().ssoEnforced(true).build();
    }

    private Optional<String> admits(LanyardSettings settings, String username) {
        EmergencyAccessPolicy policy = policy();
        return policy.admits(policy.decide(settings), settings, username);
    }

    @Test
    void withoutEnforcementEveryoneMayAndItIsNoEmergency() {
        Decision decision = policy().decide(LanyardSettings.defaults());

        assertThat(decision.mode()).isEqualTo(Mode.NOT_ENFORCED);
        assertThat(decision.isEmergency()).isFalse();
        assertThat(admits(LanyardSettings.defaults(), "alice")).isPresent();
    }

    @Test
    void enforcedByDefaultOnlySystemAdministratorsMay() {
        assertThat(policy().decide(enforced()).isEmergency()).isTrue();
        assertThat(admits(enforced(), "admin")).contains("system administrator");
        assertThat(admits(enforced(), "alice")).isEmpty();
        assertThat(admits(enforced(), "carol")).isEmpty();
    }

    @Test
    void membersOfConfiguredGroupsMayToo() {
        LanyardSettings settings = enforced().toBuilder().groups(List.of("break-glass")).build();

        assertThat(admits(settings, "carol")).contains("member of break-glass");
        assertThat(admits(settings, "alice")).isEmpty();
    }

    @Test
    void withoutSystemAdministratorsTheyAreRefusedUnlessInAGroup() {
        LanyardSettings settings = enforced().toBuilder().systemAdministrators(false).groups(List.of("break-glass"))
                .build();

        assertThat(admits(settings, "admin")).isEmpty();
    }

    @Test
    void switchedOffNobodyMay() {
        LanyardSettings settings = enforced().toBuilder().passwordLogin(EmergencyAccess.PasswordLogin.OFF).build();

        assertThat(policy().decide(settings).mode()).isEqualTo(Mode.OFF);
        assertThat(admits(settings, "admin")).isEmpty();
    }

    @Test
    void anAdministratorsTimeBoxOpensItToEveryoneUntilItEnds() {
        LanyardSettings settings = enforced().toBuilder().passwordLogin(EmergencyAccess.PasswordLogin.OFF)
                .openToEveryoneUntil(clock.instant().plus(Duration.ofMinutes(60))).build();

        assertThat(policy().decide(settings).mode()).isEqualTo(Mode.OPEN_TO_EVERYONE);
        assertThat(admits(settings, "alice")).hasValueSatisfying(reason -> assertThat(reason).contains("administrator"));

        clock.advance(Duration.ofMinutes(60));
        assertThat(policy().decide(settings).mode()).isEqualTo(Mode.OFF);
        assertThat(admits(settings, "alice")).isEmpty();
    }

    @Test
    void theEmergencyFileOpensItForItsMinutesFromItsModificationTime() throws IOException {
        LanyardSettings settings = enforced().toBuilder().passwordLogin(EmergencyAccess.PasswordLogin.OFF).build();
        Path file = home.resolve(EmergencyAccessFile.FILE_NAME);
        Files.writeString(file, "30\n");
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));

        Decision decision = policy().decide(settings);
        assertThat(decision.mode()).isEqualTo(Mode.OPEN_TO_EVERYONE);
        assertThat(decision.byFile()).isTrue();
        assertThat(decision.openUntil()).contains(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(admits(settings, "alice")).hasValueSatisfying(reason -> assertThat(reason).contains("file"));

        clock.advance(Duration.ofMinutes(31));
        assertThat(policy().decide(settings).mode()).isEqualTo(Mode.OFF);
    }

    @Test
    void anEmptyOrUnreadableFileStillOpensForTheDefaultTimeAndDeletingItCloses() throws IOException {
        EmergencyAccessFile emergencyFile = new EmergencyAccessFile(Optional.of(home));
        Path file = home.resolve(EmergencyAccessFile.FILE_NAME);
        Files.writeString(file, "");
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        assertThat(emergencyFile.openUntil()).contains(clock.instant().plus(Duration.ofMinutes(60)));

        Files.writeString(file, "ninety");
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().plusSeconds(1)));
        assertThat(emergencyFile.openUntil()).contains(clock.instant().plusSeconds(1).plus(Duration.ofMinutes(60)));

        Files.writeString(file, "100000");
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().plusSeconds(2)));
        assertThat(emergencyFile.openUntil()).contains(clock.instant().plusSeconds(2).plus(Duration.ofMinutes(60)));

        Files.delete(file);
        assertThat(emergencyFile.openUntil()).isEmpty();
    }

    @Test
    void withoutAHomeThereIsNoFile() {
        assertThat(new EmergencyAccessFile(Optional.empty()).openUntil()).isEmpty();
    }
}
