package io.lanyard.core.config.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.SignInSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider's sign-in elements in {@code provider.xml}: defaults for today's files, every bad value refused. */
class SignInXmlTest {

    @TempDir
    Path home;

    private static String provider(String id, String extra) {
        return """
                  <provider id="%s" enabled="true">
                    <DISPLAY_NAME>%s</DISPLAY_NAME>
                    <DISCOVERY_URL>https://%s.example.com/.well-known/openid-configuration</DISCOVERY_URL>
                    <CLIENT_ID>jira</CLIENT_ID>
                    <CLIENT_SECRET></CLIENT_SECRET>
                    %s
                  </provider>
                """.formatted(id, id, id, extra);
    }

    private LanyardConfiguration load(String... providers) throws IOException {
        Files.writeString(home.resolve(ProviderXml.FILE_NAME), "<lanyard-providers version=\"1\">\n"
                + String.join("", providers) + "</lanyard-providers>\n");
        return new LanyardConfiguration(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home).load());
    }

    private List<String> refusedFields(String... providers) {
        Throwable thrown = catchThrowable(() -> load(providers));
        assertThat(thrown).isInstanceOf(ConfigurationException.class);
        return ((ConfigurationException) thrown).fieldErrors().stream().map(FieldError::field)
                .map(field -> field.substring(field.indexOf("].") + 1).replaceFirst("^\\.", "")).toList();
    }

    @Test
    void aProviderWithoutTheElementsHasTheDefaults() throws IOException {
        assertThat(load(provider("a", "")).identityProviders().get(0).signIn()).isEqualTo(SignInSettings.defaults());
    }

    @Test
    void theElementsAreRead() throws IOException {
        SignInSettings signIn = load(provider("a", """
                <LOGO_URL>/images/logo.png</LOGO_URL>
                <CHOOSER_ORDER>3</CHOOSER_ORDER>
                <SHOW_ON_CHOOSER>false</SHOW_ON_CHOOSER>
                <EMAIL_DOMAINS>Example.com *.contractors.example.com</EMAIL_DOMAINS>
                <ALLOWED_USERNAMES>ext-.*</ALLOWED_USERNAMES>
                <ALLOWED_DIRECTORY>Contractors LDAP</ALLOWED_DIRECTORY>""")).identityProviders().get(0).signIn();

        assertThat(signIn.logoUrl()).hasValueSatisfying(uri -> assertThat(uri).hasToString("/images/logo.png"));
        assertThat(signIn.order()).isEqualTo(3);
        assertThat(signIn.showOnChooser()).isFalse();
        assertThat(signIn.emailDomains()).containsExactly("example.com", "*.contractors.example.com");
        assertThat(signIn.allowedUsernames().orElseThrow().pattern()).isEqualTo("ext-.*");
        assertThat(signIn.allowedDirectory()).contains("Contractors LDAP");
    }

    @Test
    void badValuesAreRefusedEachWithItsField() {
        assertThat(refusedFields(provider("a", """
                <LOGO_URL>javascript:alert(1)</LOGO_URL>
                <CHOOSER_ORDER>first</CHOOSER_ORDER>
                <SHOW_ON_CHOOSER>maybe</SHOW_ON_CHOOSER>
                <EMAIL_DOMAINS>example..com</EMAIL_DOMAINS>
                <ALLOWED_USERNAMES>ext-(</ALLOWED_USERNAMES>"""))).contains("logoUrl", "chooserOrder", "showOnChooser",
                "emailDomains", "allowedUsernames");
        assertThat(refusedFields(provider("a", "<LOGO_URL>//evil.example.net/x.png</LOGO_URL>"))).contains("logoUrl");
        assertThat(refusedFields(provider("a", "<LOGO_URL>http://evil.example.net/x.png</LOGO_URL>")))
                .contains("logoUrl");
    }

    @Test
    void anEmailDomainClaimedByTwoProvidersIsRefused() {
        assertThat(refusedFields(provider("a", "<EMAIL_DOMAINS>example.com</EMAIL_DOMAINS>"),
                provider("b", "<EMAIL_DOMAINS>EXAMPLE.COM</EMAIL_DOMAINS>"))).contains("emailDomains");
    }
}
