package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.ProviderXmlFixtures.everyFieldSet;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.requiredOnly;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderXmlStoreRoundTripTest {

    private static final Pattern ELEMENT_NAME = Pattern.compile("^ {4}<([A-Z_]+)/?>", Pattern.MULTILINE);

    @TempDir
    Path directory;

    @Test
    void saveThenLoadWhenEveryFieldSetThenEqual() {
        LanyardConfiguration configuration = new LanyardConfiguration(List.of(everyFieldSet()));

        assertThat(saveAndLoad(configuration)).isEqualTo(configuration);
    }

    @Test
    void saveThenLoadWhenOnlyRequiredFieldsThenEqual() {
        LanyardConfiguration configuration = new LanyardConfiguration(List.of(requiredOnly("abc")));

        assertThat(saveAndLoad(configuration)).isEqualTo(configuration);
    }

    @Test
    void saveThenLoadWhenSeveralProvidersWithEachKindOfSecretThenEqualInOrder() {
        LanyardConfiguration configuration = new LanyardConfiguration(List.of(
                requiredOnly("zzz").toBuilder().clientSecret(StoredSecret.external()).build(),
                everyFieldSet(),
                requiredOnly("aaa")));

        assertThat(saveAndLoad(configuration)).isEqualTo(configuration);
    }

    @Test
    void saveThenLoadWhenNoProvidersThenEmpty() {
        assertThat(saveAndLoad(LanyardConfiguration.empty())).isEqualTo(LanyardConfiguration.empty());
    }

    @Test
    void saveThenLoadWhenSecretHasXmlSpecialCharactersThenEqual() {
        StoredSecret secret = StoredSecret.plaintext(Secret.of("a<b>&c\"d'e]]>f&amp;ø😀"));
        LanyardConfiguration configuration = new LanyardConfiguration(List.of(
                requiredOnly("abc").toBuilder().clientSecret(secret).build()));

        assertThat(saveAndLoad(configuration).identityProviders().get(0).clientSecret()).isEqualTo(secret);
    }

    @Test
    void saveThenLoadKeepsTheNextSecretItsExpiryAndTheClientAuthentication() {
        IdentityProviderConfig provider = requiredOnly("abc").toBuilder()
                .clientSecret(StoredSecret.plaintext(Secret.of("current")))
                .nextClientSecret(StoredSecret.external())
                .clientSecretExpiresOn(java.time.LocalDate.of(2027, 3, 31))
                .clientAuthMethod(io.lanyard.core.config.ClientAuthMethod.PRIVATE_KEY_JWT)
                .clientAssertionAudience(io.lanyard.core.config.ClientAssertionAudience.ISSUER).build();

        IdentityProviderConfig loaded = saveAndLoad(new LanyardConfiguration(List.of(provider))).identityProviders()
                .get(0);

        assertThat(loaded).isEqualTo(provider);
        assertThat(loaded.nextClientSecret()).isEqualTo(StoredSecret.external());
    }

    @Test
    void loadWhenTheExpiryIsNotADateThenTheFieldIsNamed() throws Exception {
        IdentityProviderConfig provider = requiredOnly("abc");
        store().save(new LanyardConfiguration(List.of(provider)));
        java.nio.file.Path file = store().file();
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace(
                "<CLIENT_SECRET_EXPIRES_ON></CLIENT_SECRET_EXPIRES_ON>",
                "<CLIENT_SECRET_EXPIRES_ON>31.03.2027</CLIENT_SECRET_EXPIRES_ON>"));

        assertThatThrownBy(() -> store().load()).isInstanceOfSatisfying(
                io.lanyard.core.config.ConfigurationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(io.lanyard.core.config.FieldError::field)
                        .containsExactly("providers[abc].clientSecretExpiresOn"));
    }

    @Test
    void saveThenLoadWhenIssuerHasTrailingSlashThenIssuerKept() {
        IdentityProviderConfig provider = IdentityProviderConfig.builder().id("abc").displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme/").clientId("lanyard").build();
        assertThat(provider.issuer()).isEqualTo("https://idp.example.com/realms/acme/");

        LanyardConfiguration loaded = saveAndLoad(new LanyardConfiguration(List.of(provider)));

        assertThat(loaded.identityProviders().get(0).issuer()).isEqualTo("https://idp.example.com/realms/acme/");
    }

    @Test
    void saveWhenOnlyRequiredFieldsThenEveryElementWrittenInTheDocumentedFormat() throws IOException {
        store().save(new LanyardConfiguration(List.of(requiredOnly("GOxXFuPXJgiyAwuXugVG"))));

        assertThat(Files.readString(store().file(), StandardCharsets.UTF_8)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <lanyard-providers version="1">
                  <provider id="GOxXFuPXJgiyAwuXugVG" enabled="true">
                    <DISPLAY_NAME>Keycloak</DISPLAY_NAME>
                    <DISCOVERY_URL>https://idp.example.com/realms/acme/.well-known/openid-configuration</DISCOVERY_URL>
                    <ISSUER></ISSUER>
                    <CLIENT_ID>lanyard</CLIENT_ID>
                    <CLIENT_SECRET></CLIENT_SECRET>
                    <CLIENT_SECRET_NEXT></CLIENT_SECRET_NEXT>
                    <CLIENT_SECRET_EXPIRES_ON></CLIENT_SECRET_EXPIRES_ON>
                    <CLIENT_AUTH_METHOD>client_secret_basic</CLIENT_AUTH_METHOD>
                    <CLIENT_ASSERTION_AUDIENCE>token_endpoint</CLIENT_ASSERTION_AUDIENCE>
                    <SCOPES>openid profile email</SCOPES>
                    <USERNAME_CLAIM>preferred_username</USERNAME_CLAIM>
                    <USERNAME_FALLBACK_CLAIMS></USERNAME_FALLBACK_CLAIMS>
                    <USERNAME_PATTERN></USERNAME_PATTERN>
                    <USERNAME_LOWERCASE>false</USERNAME_LOWERCASE>
                    <USER_LOOKUP>USERNAME</USER_LOOKUP>
                    <TRUST_UNVERIFIED_EMAIL>false</TRUST_UNVERIFIED_EMAIL>
                    <USE_USERINFO>false</USE_USERINFO>
                    <CLOCK_SKEW_SECONDS>60</CLOCK_SKEW_SECONDS>
                    <ALLOWED_ALGORITHMS>RS256</ALLOWED_ALGORITHMS>
                    <TRUSTED_AUDIENCES></TRUSTED_AUDIENCES>
                    <MAX_AUTHENTICATION_AGE_SECONDS></MAX_AUTHENTICATION_AGE_SECONDS>
                    <ACR_VALUES></ACR_VALUES>
                    <CREATE_USERS>false</CREATE_USERS>
                    <USER_DIRECTORY></USER_DIRECTORY>
                    <DISPLAY_NAME_CLAIMS>name given_name+family_name</DISPLAY_NAME_CLAIMS>
                    <EMAIL_CLAIMS>email</EMAIL_CLAIMS>
                    <UPDATE_USERS>false</UPDATE_USERS>
                    <REACTIVATE_USERS>false</REACTIVATE_USERS>
                    <PIN_SUBJECT>false</PIN_SUBJECT>
                    <SYNC_GROUPS>false</SYNC_GROUPS>
                    <GROUPS_CLAIM>groups</GROUPS_CLAIM>
                    <INCLUDED_GROUPS/>
                    <INCLUDED_GROUPS_PATTERN></INCLUDED_GROUPS_PATTERN>
                    <GROUP_MAPPINGS/>
                    <SYNC_UNMAPPED_GROUPS>false</SYNC_UNMAPPED_GROUPS>
                    <GROUP_NAME_PREFIX></GROUP_NAME_PREFIX>
                    <GROUP_NAME_PATTERN></GROUP_NAME_PATTERN>
                    <GROUP_NAME_LOWERCASE>false</GROUP_NAME_LOWERCASE>
                    <CREATE_GROUPS>false</CREATE_GROUPS>
                    <DEFAULT_GROUPS/>
                    <DEFAULT_GROUPS_FOR>NEW_USERS</DEFAULT_GROUPS_FOR>
                    <OVERAGE_CONNECTOR></OVERAGE_CONNECTOR>
                    <OVERAGE_CACHE_SECONDS>300</OVERAGE_CACHE_SECONDS>
                    <LOGOUT_MODE>LOCAL_ONLY</LOGOUT_MODE>
                    <AFTER_LOGOUT>LOGGED_OUT_PAGE</AFTER_LOGOUT>
                    <BACKCHANNEL_LOGOUT>true</BACKCHANNEL_LOGOUT>
                    <FRONTCHANNEL_LOGOUT>true</FRONTCHANNEL_LOGOUT>
                    <SESSION_LIFETIME_SECONDS></SESSION_LIFETIME_SECONDS>
                    <LOGO_URL></LOGO_URL>
                    <CHOOSER_ORDER>100</CHOOSER_ORDER>
                    <SHOW_ON_CHOOSER>true</SHOW_ON_CHOOSER>
                    <EMAIL_DOMAINS></EMAIL_DOMAINS>
                    <ALLOWED_USERNAMES></ALLOWED_USERNAMES>
                    <ALLOWED_DIRECTORY></ALLOWED_DIRECTORY>
                  </provider>
                </lanyard-providers>
                """);
    }

    @Test
    void saveWhenEveryFieldSetThenEveryElementWrittenOnceInEnumOrder() throws IOException {
        store().save(new LanyardConfiguration(List.of(everyFieldSet())));

        Matcher names = ELEMENT_NAME.matcher(Files.readString(store().file(), StandardCharsets.UTF_8));
        List<String> written = names.results().map(m -> m.group(1)).toList();
        assertThat(written).isEqualTo(ProviderXml.FORMAT.elements().stream().map(IntegrationXmlFormat.Element::name)
                .toList());
    }

    @Test
    void saveWhenIssuerDiffersFromDerivedThenIssuerWritten() throws IOException {
        store().save(new LanyardConfiguration(List.of(everyFieldSet())));

        assertThat(Files.readString(store().file(), StandardCharsets.UTF_8))
                .contains("<ISSUER>https://sts.example.com/tenant/</ISSUER>")
                .contains("<DISCOVERY_URL>https://login.example.com/tenant/v2.0/.well-known/openid-configuration"
                        + "</DISCOVERY_URL>");
    }

    @Test
    void saveWhenSecretIsExternalThenPlaceholderWritten() throws IOException {
        store().save(new LanyardConfiguration(List.of(
                requiredOnly("abc").toBuilder().clientSecret(StoredSecret.external()).build())));

        assertThat(Files.readString(store().file(), StandardCharsets.UTF_8))
                .contains("<CLIENT_SECRET>USING_ENVIRONMENT_PROPERTY</CLIENT_SECRET>");
    }

    @Test
    void saveWhenDisplayNameHasMarkupAndNonAsciiThenEscapedAndUtf8() throws IOException {
        store().save(new LanyardConfiguration(List.of(everyFieldSet())));

        byte[] bytes = Files.readAllBytes(store().file());
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(
                "<DISPLAY_NAME>Corporate &lt;Keycloak&gt; &amp; \"friends\" 'n' Ærøskøbing ✓ 😀</DISPLAY_NAME>");
        assertThat(bytes).containsSequence("Ærøskøbing ✓ 😀".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void saveWhenSetsInAnyOrderThenWrittenSortedAndByteIdentical() throws IOException {
        IdentityProviderConfig one = requiredOnly("abc").toBuilder()
                .allowedAlgorithms(List.of("RS256", "ES256", "PS256")).trustedAudiences(List.of("b", "a")).build();
        IdentityProviderConfig two = requiredOnly("abc").toBuilder()
                .allowedAlgorithms(List.of("PS256", "RS256", "ES256")).trustedAudiences(List.of("a", "b")).build();

        store().save(new LanyardConfiguration(List.of(one)));
        byte[] first = Files.readAllBytes(store().file());
        store().save(new LanyardConfiguration(List.of(two)));

        assertThat(Files.readAllBytes(store().file())).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8))
                .contains("<ALLOWED_ALGORITHMS>ES256 PS256 RS256</ALLOWED_ALGORITHMS>")
                .contains("<TRUSTED_AUDIENCES>a b</TRUSTED_AUDIENCES>");
    }

    @Test
    void saveWhenValueHasCharacterXmlCannotHoldThenWriteFailedAndNothingWritten() {
        IdentityProviderConfig provider = requiredOnly("abc").toBuilder().usernamePattern("^a\u0000b$").build();

        LanyardException thrown = thrownBy(() -> store().save(new LanyardConfiguration(List.of(provider))));

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED);
        assertThat(thrown.getMessage()).contains("abc").contains("<USERNAME_PATTERN>");
        assertThat(store().exists()).isFalse();
    }

    @Test
    void saveWhenListValueContainsWhitespaceThenWriteFailedRatherThanSplitIt() {
        // The builder refuses such a value; the record's constructor does not, and the writer must not split it.
        IdentityProviderConfig valid = requiredOnly("abc");
        IdentityProviderConfig provider = new IdentityProviderConfig(valid.id(), valid.displayName(), valid.enabled(),
                valid.issuer(), valid.discoveryUrl(), valid.clientId(), valid.clientSecret(), valid.nextClientSecret(),
                valid.clientSecretExpiresOn(), valid.clientAuthMethod(), valid.clientAssertionAudience(), valid.scopes(), valid.usernameMapping(), valid.useUserInfo(),
                valid.clockSkew(), valid.allowedAlgorithms(), Set.of("my app"), valid.maxAuthenticationAge(),
                valid.acrValues(), valid.provisioning(), valid.logout(), valid.signIn());

        LanyardException thrown = thrownBy(() -> store().save(new LanyardConfiguration(List.of(provider))));

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED);
        assertThat(thrown.getMessage()).contains("<TRUSTED_AUDIENCES>");
    }

    private LanyardConfiguration saveAndLoad(LanyardConfiguration configuration) {
        store().save(configuration);
        return new LanyardConfiguration(store().load());
    }

    private IntegrationXmlStore<IdentityProviderConfig> store() {
        return IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory);
    }
}
