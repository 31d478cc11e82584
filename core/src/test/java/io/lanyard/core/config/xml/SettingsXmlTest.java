package io.lanyard.core.config.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.BasicAuthPolicy;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.EmergencyAccess;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.config.SignInPolicy;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code settings.xml}: what it reads, what it refuses (every error at once), and that what it writes reads back. */
class SettingsXmlTest {

    @TempDir
    Path home;

    private SettingsStore store() {
        return new SettingsStore(home);
    }

    private LanyardSettings read(String body) throws IOException {
        Files.writeString(home.resolve(SettingsXml.FILE_NAME),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lanyard-settings version=\"1\">\n" + body
                        + "\n</lanyard-settings>\n");
        return store().load();
    }

    private List<String> refusedFields(String body) {
        ConfigurationException thrown = (ConfigurationException) org.assertj.core.api.Assertions.catchThrowable(
                () -> read(body));
        assertThat(thrown).isNotNull();
        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        return thrown.fieldErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void withoutAFileTheDefaultsApplyAndSsoIsNotEnforced() {
        LanyardSettings settings = store().load();

        assertThat(settings).isEqualTo(LanyardSettings.defaults());
        assertThat(settings.signIn().ssoEnforced()).isFalse();
        assertThat(settings.emergencyAccess().passwordLogin()).isEqualTo(EmergencyAccess.PasswordLogin.GROUPS);
        assertThat(settings.emergencyAccess().systemAdministrators()).isTrue();
    }

    @Test
    void anEmptyFileOrEmptySectionsMeanTheDefaults() throws IOException {
        assertThat(read("")).isEqualTo(LanyardSettings.defaults());
        assertThat(read("<sign-in/><emergency-access/>")).isEqualTo(LanyardSettings.defaults());
    }

    @Test
    void everyFieldIsRead() throws IOException {
        LanyardSettings settings = read("""
                <sign-in>
                  <SSO_ENFORCED>true</SSO_ENFORCED>
                  <LOGIN_PAGE>ALONGSIDE_FORM</LOGIN_PAGE>
                  <DEFAULT_PROVIDER>corporate1</DEFAULT_PROVIDER>
                  <REMEMBER_CHOICE_DAYS>30</REMEMBER_CHOICE_DAYS>
                  <LOOP_MAX_LOGINS>4</LOOP_MAX_LOGINS>
                  <LOOP_WINDOW_SECONDS>120</LOOP_WINDOW_SECONDS>
                  <REAUTHENTICATE_AT_PROVIDER>false</REAUTHENTICATE_AT_PROVIDER>
                </sign-in>
                <emergency-access>
                  <PASSWORD_LOGIN>GROUPS</PASSWORD_LOGIN>
                  <SYSTEM_ADMINISTRATORS>false</SYSTEM_ADMINISTRATORS>
                  <GROUP>break-glass</GROUP>
                  <GROUP>jira &amp; ops</GROUP>
                  <OPEN_TO_EVERYONE_UNTIL>2026-12-31T23:59:00Z</OPEN_TO_EVERYONE_UNTIL>
                </emergency-access>""");

        SignInPolicy signIn = settings.signIn();
        assertThat(signIn.ssoEnforced()).isTrue();
        assertThat(signIn.loginPage()).isEqualTo(SignInPolicy.LoginPageMode.ALONGSIDE_FORM);
        assertThat(signIn.defaultProvider()).contains("corporate1");
        assertThat(signIn.rememberChoice()).isEqualTo(Duration.ofDays(30));
        assertThat(signIn.loopMaxLogins()).isEqualTo(4);
        assertThat(signIn.loopWindow()).isEqualTo(Duration.ofSeconds(120));
        assertThat(signIn.reauthenticateAtProvider()).isFalse();
        EmergencyAccess emergency = settings.emergencyAccess();
        assertThat(emergency.systemAdministrators()).isFalse();
        assertThat(emergency.groups()).containsExactly("break-glass", "jira & ops");
        assertThat(emergency.openToEveryoneUntil()).contains(Instant.parse("2026-12-31T23:59:00Z"));
    }

    @Test
    void whatLanyardWritesReadsBackTheSameAndKeepsABackup() {
        LanyardSettings settings = LanyardSettings.builder().ssoEnforced(true)
                .loginPage(SignInPolicy.LoginPageMode.ALONGSIDE_FORM).defaultProvider("corporate1")
                .groups(List.of("break-glass", "<script>&")).openToEveryoneUntil(Instant.parse("2026-01-02T03:04:05Z"))
                .build();
        store().save(LanyardSettings.defaults());
        store().save(settings);

        assertThat(store().load()).isEqualTo(settings);
        assertThat(home.resolve(SettingsXml.FILE_NAME + ".bak")).exists();
        assertThat(SettingsStore.render(settings)).contains("<GROUP>&lt;script&gt;&amp;</GROUP>");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        assertThat(refusedFields("""
                <sign-in>
                  <SSO_ENFORCED>yes</SSO_ENFORCED>
                  <LOGIN_PAGE>POPUP</LOGIN_PAGE>
                  <DEFAULT_PROVIDER>not an id!</DEFAULT_PROVIDER>
                  <LOOP_MAX_LOGINS>1</LOOP_MAX_LOGINS>
                  <LOOP_WINDOW_SECONDS>1</LOOP_WINDOW_SECONDS>
                </sign-in>
                <emergency-access>
                  <PASSWORD_LOGIN>EVERYONE</PASSWORD_LOGIN>
                  <OPEN_TO_EVERYONE_UNTIL>tomorrow</OPEN_TO_EVERYONE_UNTIL>
                </emergency-access>""")).contains("ssoEnforced", "loginPage", "defaultProvider", "loopMaxLogins",
                "loopWindowSeconds", "passwordLogin", "openToEveryoneUntil");
    }

    @Test
    void aSettingThatLetsNobodyInByAccidentIsRefused() {
        // GROUPS without system administrators and without a group: OFF must be chosen as such.
        assertThat(refusedFields("<emergency-access><SYSTEM_ADMINISTRATORS>false</SYSTEM_ADMINISTRATORS>"
                + "</emergency-access>")).containsExactly("emergencyGroups");
    }

    @Test
    void unknownElementsAndRepeatedSectionsOrFieldsAreRefused() {
        assertThat(refusedFields("<sign-in><SSO>true</SSO></sign-in>")).isNotEmpty();
        assertThat(refusedFields("<logout/>")).contains("settings");
        assertThat(refusedFields("<sign-in/><sign-in/>")).contains("settings");
        assertThat(refusedFields("<sign-in><SSO_ENFORCED>true</SSO_ENFORCED><SSO_ENFORCED>false</SSO_ENFORCED>"
                + "</sign-in>")).contains("ssoEnforced");
    }

    @Test
    void aDoctypeIsRefusedAsUnreadable() throws IOException {
        Files.writeString(home.resolve(SettingsXml.FILE_NAME), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e "
                + "SYSTEM \"file:///etc/passwd\">]><lanyard-settings version=\"1\">&e;</lanyard-settings>");

        assertThatThrownBy(() -> store().load()).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isIn(ErrorCode.CONFIG_UNREADABLE, ErrorCode.CONFIG_INVALID));
    }

    @Test
    void anotherVersionIsRefused() throws IOException {
        Files.writeString(home.resolve(SettingsXml.FILE_NAME), "<lanyard-settings version=\"2\"/>");

        assertThatThrownBy(() -> store().load()).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("version"));
    }

    @Test
    void theBasicAuthSectionIsReadWrittenAndOffByDefault() throws IOException {
        assertThat(LanyardSettings.defaults().basicAuth().refuseForManagedAccounts()).isFalse();

        LanyardSettings read = read("<basic-auth><REFUSE_FOR_MANAGED_ACCOUNTS>true</REFUSE_FOR_MANAGED_ACCOUNTS>"
                + "<EXCEPT_ACCOUNT>ci-legacy</EXCEPT_ACCOUNT><EXCEPT_ACCOUNT>backup</EXCEPT_ACCOUNT>"
                + "<EXCEPT_GROUP>basic-auth-allowed</EXCEPT_GROUP><EXCEPT_ADDRESS>10.1.0.0/16</EXCEPT_ADDRESS>"
                + "<EXCEPT_ADDRESS>2001:db8::/32</EXCEPT_ADDRESS><TRUSTED_PROXY>192.0.2.10</TRUSTED_PROXY></basic-auth>");

        BasicAuthPolicy policy = read.basicAuth();
        assertThat(policy.refuseForManagedAccounts()).isTrue();
        assertThat(policy.exceptAccounts()).containsExactly("ci-legacy", "backup");
        assertThat(policy.exceptsAccount("CI-Legacy")).isTrue();
        assertThat(policy.exceptGroups()).containsExactly("basic-auth-allowed");
        assertThat(policy.exceptAddresses()).extracting(Object::toString).containsExactly("10.1.0.0/16",
                "2001:db8:0:0:0:0:0:0/32");
        assertThat(policy.trustedProxies()).hasSize(1);
        assertThat(read.signIn()).isEqualTo(LanyardSettings.defaults().signIn());

        store().save(read);
        assertThat(store().load()).isEqualTo(read);
        assertThat(SettingsStore.render(read)).contains("<EXCEPT_ADDRESS>10.1.0.0/16</EXCEPT_ADDRESS>");
    }

    @Test
    void anInvalidBasicAuthSectionIsRefusedWithEveryField() {
        assertThat(refusedFields("<basic-auth><REFUSE_FOR_MANAGED_ACCOUNTS>perhaps</REFUSE_FOR_MANAGED_ACCOUNTS>"
                + "<EXCEPT_ADDRESS>proxy.example.com</EXCEPT_ADDRESS><TRUSTED_PROXY>10.0.0.0/99</TRUSTED_PROXY>"
                + "</basic-auth>")).containsExactlyInAnyOrder("refuseBasicAuth", "basicAuthExceptAddresses",
                "basicAuthTrustedProxies");
    }
}
