package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.ProviderXmlFixtures.PLAINTEXT_SECRET;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.document;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.everyFieldSet;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.provider;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.requiredOnly;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.thrownBy;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.writeFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plaintext client secret must reach no exception message and no {@code toString}. */
class ProviderXmlStoreSecretTest {

    private static final String SECRET_ELEMENT = "<CLIENT_SECRET>" + PLAINTEXT_SECRET + "</CLIENT_SECRET>";

    @TempDir
    Path directory;

    @Test
    void loadedConfigurationToStringHasNoSecret() {
        writeFile(directory, document(provider("abc", SECRET_ELEMENT)));

        LanyardConfiguration configuration = new LanyardConfiguration(store().load());

        assertThat(configuration.identityProviders().get(0).clientSecret().plaintext()).contains(Secret.of(PLAINTEXT_SECRET));
        assertThat(configuration.toString()).doesNotContain(PLAINTEXT_SECRET);
        assertThat(configuration.identityProviders().get(0).toString()).doesNotContain(PLAINTEXT_SECRET);
        assertThat(store().toString()).doesNotContain(PLAINTEXT_SECRET);
    }

    @Test
    void loadWhenFileWithSecretHasErrorsEverywhereThenNoMessageHasTheSecret() {
        writeFile(directory, document(
                provider("abc", SECRET_ELEMENT, "<CLOCK_SKEW_SECONDS>x</CLOCK_SKEW_SECONDS>", "<BAD/>")
                        .replace("https://idp", "http://idp"),
                provider("abc", SECRET_ELEMENT)));

        assertNoSecretIn(thrownBy(() -> store().load()));
    }

    /** Secrets pasted into the wrong place: the error names the place, never the value. */
    @ParameterizedTest
    @ValueSource(strings = {
            "<CLOCK_SKEW_SECONDS>%s</CLOCK_SKEW_SECONDS>",
            "<MAX_AUTHENTICATION_AGE_SECONDS>%s</MAX_AUTHENTICATION_AGE_SECONDS>",
            "<USE_USERINFO>%s</USE_USERINFO>",
            "<USERNAME_LOWERCASE>%s</USERNAME_LOWERCASE>",
            "<CLIENT_AUTH_METHOD>%s</CLIENT_AUTH_METHOD>",
            "<USER_LOOKUP>%s</USER_LOOKUP>",
            "<CLIENT_SECRT>%s</CLIENT_SECRT>",
            "<CLIENT_SECRET><value>%s</value></CLIENT_SECRET>",
            "%s",
            "<CLIENT_SECRET>%s</CLIENT_SECRET><CLIENT_SECRET>%<s</CLIENT_SECRET>",
    })
    void loadWhenSecretInTheWrongPlaceThenConfigInvalidWithoutTheSecret(String element) {
        writeFile(directory, document(provider("abc", String.format(element, PLAINTEXT_SECRET))));

        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertNoSecretIn(thrown);
    }

    /** Parser messages quote the document; the quoted parts are removed. */
    @ParameterizedTest
    @ValueSource(strings = {
            "<CLIENT_SECRET>%s&x;</CLIENT_SECRET>",
            "<CLIENT_SECRET>&%s;</CLIENT_SECRET>",
            "<CLIENT_SECRET>%s</CLIENT_SECRET_>",
            "<CLIENT_SECRET value=%s/>",
            "<%s>",
    })
    void loadWhenXmlAroundTheSecretIsMalformedThenUnreadableWithoutTheSecret(String element) {
        writeFile(directory, document(provider("abc", String.format(element, PLAINTEXT_SECRET))));

        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_UNREADABLE);
        assertNoSecretIn(thrown);
    }

    @Test
    void saveWhenWriteFailsThenNoMessageHasTheSecret() throws IOException {
        Files.createDirectories(directory.resolve("provider.xml.bak/blocker"));
        Files.writeString(directory.resolve("provider.xml"), "<lanyard-providers version=\"1\"/>");

        LanyardException thrown = thrownBy(() -> store().save(new LanyardConfiguration(List.of(everyFieldSet()))));

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED);
        assertNoSecretIn(thrown);
    }

    @Test
    void saveWhenSecretHasACharacterXmlCannotHoldThenWriteFailedWithoutTheSecret() {
        String secret = PLAINTEXT_SECRET + "\u0001";
        LanyardConfiguration configuration = new LanyardConfiguration(List.of(requiredOnly("abc").toBuilder()
                .clientSecret(StoredSecret.plaintext(Secret.of(secret))).build()));

        LanyardException thrown = thrownBy(() -> store().save(configuration));

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED);
        assertThat(thrown.getMessage()).contains("<CLIENT_SECRET>");
        assertNoSecretIn(thrown);
    }

    private static void assertNoSecretIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(PLAINTEXT_SECRET);
            assertThat(String.valueOf(t.getMessage())).doesNotContain(PLAINTEXT_SECRET);
            if (t instanceof ConfigurationException configurationException) {
                assertThat(configurationException.fieldErrors().toString()).doesNotContain(PLAINTEXT_SECRET);
            }
        }
    }

    private IntegrationXmlStore<IdentityProviderConfig> store() {
        return IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory);
    }
}
