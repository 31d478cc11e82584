package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.ProviderXmlFixtures.document;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.provider;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.writeFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.UserLookup;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.secret.StoredSecret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderXmlStoreValidationTest {

    @TempDir
    Path directory;

    @Test
    void loadWhenRootIsEmptyThenNoProviders() {
        writeFile(directory, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lanyard-providers version=\"1\"/>\n");

        assertThat(load()).isEqualTo(LanyardConfiguration.empty());
    }

    @Test
    void loadWhenOnlyRequiredElementsThenDefaultsApply() {
        writeFile(directory, document(provider("abc")));

        IdentityProviderConfig config = load().identityProviders().get(0);

        assertThat(config).isEqualTo(ProviderXmlFixtures.requiredOnly("abc"));
        assertThat(config.enabled()).isTrue();
        assertThat(config.issuer()).isEqualTo("https://idp.example.com/realms/acme");
        assertThat(config.clientSecret()).isEqualTo(StoredSecret.none());
    }

    @Test
    void loadWhenOptionalElementsAreEmptyThenDefaultsApply() {
        writeFile(directory, document(provider("abc",
                "<ISSUER></ISSUER>", "<CLIENT_SECRET/>", "<CLIENT_AUTH_METHOD> </CLIENT_AUTH_METHOD>", "<SCOPES/>",
                "<USERNAME_CLAIM/>", "<USERNAME_FALLBACK_CLAIMS/>", "<USERNAME_PATTERN/>", "<USERNAME_LOWERCASE/>",
                "<USER_LOOKUP/>", "<USE_USERINFO/>", "<CLOCK_SKEW_SECONDS/>", "<ALLOWED_ALGORITHMS/>",
                "<TRUSTED_AUDIENCES/>", "<MAX_AUTHENTICATION_AGE_SECONDS/>", "<ACR_VALUES/>")));

        assertThat(load().identityProviders()).containsExactly(ProviderXmlFixtures.requiredOnly("abc"));
    }

    @Test
    void loadWhenPlaceholderSecretThenExternal() {
        writeFile(directory, document(provider("abc", "<CLIENT_SECRET>USING_ENVIRONMENT_PROPERTY</CLIENT_SECRET>")));

        assertThat(load().identityProviders().get(0).clientSecret()).isEqualTo(StoredSecret.external());
    }

    @Test
    void loadWhenValuesSurroundedByWhitespaceAndCdataThenStripped() {
        writeFile(directory, document(provider("abc",
                "<CLIENT_AUTH_METHOD>\n   client_secret_post\n</CLIENT_AUTH_METHOD>",
                "<SCOPES>  openid\n  email\tgroups </SCOPES>",
                "<USER_LOOKUP><![CDATA[USERNAME_THEN_EMAIL]]></USER_LOOKUP>",
                "<CLOCK_SKEW_SECONDS> 30 </CLOCK_SKEW_SECONDS>",
                "<USE_USERINFO> true </USE_USERINFO>")));

        IdentityProviderConfig config = load().identityProviders().get(0);

        assertThat(config.clientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(config.scopes()).containsExactly("openid", "email", "groups");
        assertThat(config.usernameMapping().lookup()).isEqualTo(UserLookup.USERNAME_THEN_EMAIL);
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.useUserInfo()).isTrue();
    }

    @Test
    void loadWhenCommentsAnywhereThenIgnored() {
        writeFile(directory, document("<!-- first -->", provider("abc", "<!-- inside -->",
                "<USERNAME_CLAIM><!-- in a value -->email</USERNAME_CLAIM>")));

        assertThat(load().identityProviders().get(0).usernameMapping().claim()).isEqualTo("email");
    }

    @Test
    void loadWhenEnabledFalseThenDisabled() {
        writeFile(directory, document(provider("abc").replace("<provider id=\"abc\">",
                "<provider id=\"abc\" enabled=\"false\">")));

        assertThat(load().identityProviders().get(0).enabled()).isFalse();
    }

    @Test
    void loadWhenUnknownElementThenConfigInvalidNamingIt() {
        writeFile(directory, document(provider("abc", "<CLIENT_SECRT>x</CLIENT_SECRT>")));

        ConfigurationException thrown = loadFails();

        assertThat(thrown.fieldErrors()).containsExactly(
                new FieldError("providers[abc]", "unknown element <CLIENT_SECRT> in <provider>"));
    }

    @Test
    void loadWhenElementNameHasWrongCaseThenUnknown() {
        writeFile(directory, document(provider("abc", "<client_id>x</client_id>")));

        assertThat(fields(loadFails())).containsExactly("providers[abc]");
    }

    @Test
    void loadWhenUnknownElementUnderRootThenConfigInvalid() {
        writeFile(directory, document(provider("abc"), "<connector id=\"x\"/>"));

        assertThat(fields(loadFails())).containsExactly("providers");
    }

    @Test
    void loadWhenTextOutsideElementsThenConfigInvalidWithoutQuotingIt() {
        writeFile(directory, document(provider("abc", "pasted-secret-value")));

        ConfigurationException thrown = loadFails();

        assertThat(fields(thrown)).containsExactly("providers[abc]");
        assertThat(thrown.getMessage()).doesNotContain("pasted-secret-value");
    }

    @Test
    void loadWhenUnknownAttributeThenConfigInvalid() {
        writeFile(directory, document(provider("abc").replace("<provider id=\"abc\">",
                "<provider id=\"abc\" enable=\"false\">")));

        assertThat(loadFails().fieldErrors()).containsExactly(
                new FieldError("providers[abc]", "unknown attribute enable on <provider>"));
    }

    @Test
    void loadWhenElementAppearsTwiceThenConfigInvalid() {
        writeFile(directory, document(provider("abc", "<CLIENT_ID>other</CLIENT_ID>")));

        assertThat(loadFails().fieldErrors()).containsExactly(
                new FieldError("providers[abc].clientId", "element <CLIENT_ID> appears more than once"));
    }

    @Test
    void loadWhenValueElementHasChildElementsThenConfigInvalid() {
        writeFile(directory, document(provider("abc", "<SCOPES><scope>openid</scope></SCOPES>")));

        assertThat(loadFails().fieldErrors()).containsExactly(
                new FieldError("providers[abc].scopes", "element <SCOPES> must contain text only"));
    }

    @Test
    void loadWhenRequiredElementsMissingThenEachReportedOnce() {
        writeFile(directory, document("<provider id=\"abc\"><DISPLAY_NAME>Keycloak</DISPLAY_NAME></provider>"));

        assertThat(loadFails().fieldErrors()).containsExactly(
                new FieldError("providers[abc].discoveryUrl", "element <DISCOVERY_URL> is missing"),
                new FieldError("providers[abc].clientId", "element <CLIENT_ID> is missing"));
    }

    @Test
    void loadWhenRequiredElementEmptyThenBuilderSaysMustBeGiven() {
        writeFile(directory, document(provider("abc").replace("<CLIENT_ID>lanyard</CLIENT_ID>", "<CLIENT_ID> </CLIENT_ID>")));

        assertThat(loadFails().fieldErrors()).containsExactly(new FieldError("providers[abc].clientId", "must be given"));
    }

    @Test
    void loadWhenIdAttributeMissingThenReportedByPosition() {
        writeFile(directory, document(provider("abc"), provider("def").replace(" id=\"def\"", "")));

        assertThat(loadFails().fieldErrors()).containsExactly(new FieldError("providers[#2].id", "attribute id is missing"));
    }

    @Test
    void loadWhenIdMalformedThenBuilderRuleReportedByPosition() {
        writeFile(directory, document(provider("a-b")));

        assertThat(fields(loadFails())).containsExactly("providers[#1].id");
    }

    @Test
    void loadWhenClockSkewIsNotANumberThenConfigInvalid() {
        writeFile(directory, document(provider("abc", "<CLOCK_SKEW_SECONDS>1m</CLOCK_SKEW_SECONDS>")));

        assertThat(loadFails().fieldErrors()).containsExactly(
                new FieldError("providers[abc].clockSkew", "must be a whole number of seconds"));
    }

    @Test
    void loadWhenClockSkewOutOfRangeThenBuilderRuleReported() {
        writeFile(directory, document(provider("abc", "<CLOCK_SKEW_SECONDS>601</CLOCK_SKEW_SECONDS>")));

        assertThat(fields(loadFails())).containsExactly("providers[abc].clockSkew");
    }

    @Test
    void loadWhenMaxAuthenticationAgeIsNotANumberThenConfigInvalid() {
        writeFile(directory, document(provider("abc",
                "<MAX_AUTHENTICATION_AGE_SECONDS>99999999999999999999</MAX_AUTHENTICATION_AGE_SECONDS>")));

        assertThat(fields(loadFails())).containsExactly("providers[abc].maxAuthenticationAge");
    }

    @Test
    void loadWhenBooleanIsNotTrueOrFalseThenConfigInvalid() {
        writeFile(directory, document(provider("abc", "<USE_USERINFO>yes</USE_USERINFO>",
                "<USERNAME_LOWERCASE>TRUE</USERNAME_LOWERCASE>").replace("<provider id=\"abc\">",
                "<provider id=\"abc\" enabled=\"1\">")));

        assertThat(loadFails().fieldErrors()).containsExactlyInAnyOrder(
                new FieldError("providers[abc].enabled", "must be true or false"),
                new FieldError("providers[abc].useUserInfo", "must be true or false"),
                new FieldError("providers[abc].lowerCaseUsername", "must be true or false"));
    }

    @Test
    void loadWhenEnumValuesUnknownThenConfigInvalid() {
        writeFile(directory, document(provider("abc", "<CLIENT_AUTH_METHOD>client_secret_jwt</CLIENT_AUTH_METHOD>",
                "<USER_LOOKUP>EMAIL</USER_LOOKUP>")));

        assertThat(loadFails().fieldErrors()).containsExactlyInAnyOrder(
                new FieldError("providers[abc].clientAuthMethod", "must be client_secret_basic, client_secret_post or private_key_jwt"),
                new FieldError("providers[abc].userLookup", "must be USERNAME or USERNAME_THEN_EMAIL"));
    }

    @Test
    void loadWhenDiscoveryUrlInvalidThenConfigInvalid() {
        writeFile(directory, document(provider("abc").replace(
                "https://idp.example.com/realms/acme/.well-known/openid-configuration", "https://idp example com/")));

        assertThat(loadFails().fieldErrors()).containsExactly(
                new FieldError("providers[abc].discoveryUrl", "is not a valid URL"));
    }

    @Test
    void loadWhenDiscoveryUrlIsPlainHttpThenConfigInvalid() {
        writeFile(directory, document(provider("abc").replace("https://idp.example.com", "http://idp.example.com")));

        assertThat(fields(loadFails())).containsExactly("providers[abc].discoveryUrl");
    }

    @Test
    void loadWhenDiscoveryUrlIsPlainHttpOnLocalhostThenAccepted() {
        writeFile(directory, document(provider("abc").replace("https://idp.example.com", "http://localhost:8080")));

        assertThat(load().identityProviders().get(0).issuer()).isEqualTo("http://localhost:8080/realms/acme");
    }

    @Test
    void loadWhenAlgorithmNoneThenConfigInvalid() {
        writeFile(directory, document(provider("abc", "<ALLOWED_ALGORITHMS>RS256 none</ALLOWED_ALGORITHMS>")));

        assertThat(loadFails().fieldErrors()).containsExactly(
                new FieldError("providers[abc].allowedAlgorithms", "\"none\" (unsigned tokens) is never accepted"));
    }

    @Test
    void loadWhenIdUsedTwiceThenConfigInvalid() {
        writeFile(directory, document(provider("abc"), provider("def"), provider("abc")));

        assertThat(loadFails().fieldErrors()).containsExactly(
                new FieldError("providers[abc].id", "is used by 2 providers"));
    }

    @Test
    void loadWhenSeveralProvidersHaveErrorsThenAllReportedAtOnce() {
        writeFile(directory, document(
                provider("abc", "<CLOCK_SKEW_SECONDS>soon</CLOCK_SKEW_SECONDS>", "<NOPE/>"),
                provider("def").replace("https://idp", "http://idp"),
                provider("ghi", "<ALLOWED_ALGORITHMS>none</ALLOWED_ALGORITHMS>", "<USE_USERINFO>maybe</USE_USERINFO>"),
                provider("def")));

        ConfigurationException thrown = loadFails();

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(fields(thrown)).containsExactlyInAnyOrder(
                "providers[abc].clockSkew", "providers[abc]",
                "providers[def].discoveryUrl",
                "providers[ghi].allowedAlgorithms", "providers[ghi].useUserInfo",
                "providers[def].id");
        assertThat(thrown.getMessage()).contains(directory.resolve("provider.xml").toString());
    }

    @Test
    void loadWhenVersionIsNotOneThenConfigInvalid() {
        writeFile(directory, "<lanyard-providers version=\"2\"><provider/></lanyard-providers>");

        ConfigurationException thrown = loadFails();

        assertThat(thrown.fieldErrors()).extracting(FieldError::field).containsExactly("version");
        assertThat(thrown.getMessage()).contains("version=\"1\"");
    }

    @Test
    void loadWhenVersionMissingThenConfigInvalid() {
        writeFile(directory, "<lanyard-providers/>");

        assertThat(fields(loadFails())).containsExactly("version");
    }

    @Test
    void loadWhenRootElementIsWrongThenConfigInvalid() {
        writeFile(directory, "<providers version=\"1\"/>");

        assertThat(loadFails().fieldErrors()).containsExactly(
                new FieldError("file", "the root element must be <lanyard-providers>"));
    }

    @Test
    void loadWhenRootHasExtraAttributeThenConfigInvalid() {
        writeFile(directory, "<lanyard-providers version=\"1\" xmlns=\"urn:x\"/>");

        assertThat(fields(loadFails())).containsExactly("file");
    }

    private LanyardConfiguration load() {
        return new LanyardConfiguration(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory).load());
    }

    private ConfigurationException loadFails() {
        ConfigurationException thrown = catchThrowableOfType(ConfigurationException.class, this::load);
        assertThat(thrown).as("load() must refuse the file").isNotNull();
        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        return thrown;
    }

    private static List<String> fields(ConfigurationException thrown) {
        return thrown.fieldErrors().stream().map(FieldError::field).toList();
    }
}
