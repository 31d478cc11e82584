package io.lanyard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a CI trust policy at save: each refusal by field, and the ids-over-names warnings. */
class CiTrustPolicyBuilderTest {

    static final String BITBUCKET = "https://api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc";

    static CiTrustPolicyBuilder valid() {
        return CiTrustPolicy.builder().id("bbdeploy0001").displayName("Deploy").ciProvider(CiProvider.BITBUCKET_PIPELINES)
                .issuer(BITBUCKET).audiences(List.of("ari:cloud:bitbucket::workspace/abc"))
                .conditions(List.of(new ClaimCondition("repositoryUuid", "{6a1f}"))).account("ci-bot");
    }

    private static List<String> fieldsRefused(CiTrustPolicyBuilder builder) {
        return catchThrowableOfType(ConfigurationException.class, builder::build).fieldErrors().stream()
                .map(FieldError::field).toList();
    }

    @Test
    void aValidPolicyBuildsWithBitbucketsPresetKeys() {
        CiTrustPolicy policy = valid().build();
        assertThat(policy.knownKeysLocation()).hasValueSatisfying(uri -> assertThat(uri).hasToString(BITBUCKET + "/keys.json"));
        assertThat(policy.clientSecret().kind()).isEqualTo(io.lanyard.core.secret.StoredSecret.Kind.NONE);
        assertThat(policy.warnings()).isEmpty();
    }

    @Test
    void otherCisFindTheirKeysByDiscoveryUnlessAKeysUrlIsGiven() {
        CiTrustPolicy github = valid().ciProvider(CiProvider.GITHUB_ACTIONS).issuer("https://token.actions.githubusercontent.com")
                .conditions(List.of(new ClaimCondition("repository_id", "123"))).build();
        assertThat(github.knownKeysLocation()).isEmpty();
        assertThat(github.discoveryUrl()).hasToString("https://token.actions.githubusercontent.com/.well-known/openid-configuration");
        assertThat(valid().ciProvider(CiProvider.GITLAB).jwksUri("https://gitlab.example.com/oauth/discovery/keys").build()
                .knownKeysLocation()).hasValueSatisfying(uri -> assertThat(uri).hasToString("https://gitlab.example.com/oauth/discovery/keys"));
    }

    @Test
    void aPolicyWithoutAnyConditionIsRefused() {
        assertThat(fieldsRefused(valid().conditions(List.of()))).containsExactly("conditions");
    }

    @Test
    void aConditionThatMatchesAnythingIsNoCondition() {
        assertThat(fieldsRefused(valid().conditions(List.of(new ClaimCondition("repositoryUuid", "*"))))).containsExactly("conditions");
    }

    @Test
    void conditionsOnClaimsLanyardChecksItselfAreRefused() {
        assertThat(fieldsRefused(valid().conditions(List.of(new ClaimCondition("aud", "x"))))).containsExactly("conditions");
    }

    @Test
    void anAudienceIsRequired() {
        assertThat(fieldsRefused(valid().audiences(List.of(" ")))).containsExactly("audiences");
    }

    @Test
    void pathPrefixesMustBeNormal() {
        for (String bad : List.of("rest/api", "/rest/../admin", "/rest//api", "/rest/./api", "/rest;x/", "/rest/%2e%2e/", "/rest/..")) {
            assertThat(fieldsRefused(valid().pathPrefixes(List.of(bad)))).as(bad).containsExactly("pathPrefixes");
        }
        assertThat(valid().pathPrefixes(List.of("/rest/api/2/issue/", "/rest/api/2/version")).build().pathPrefixes())
                .containsExactly("/rest/api/2/issue/", "/rest/api/2/version");
    }

    @Test
    void theAccountTheMaximumAgeAndTheCiAreChecked() {
        assertThat(fieldsRefused(valid().account("ci bot"))).containsExactly("account");
        assertThat(fieldsRefused(valid().maxTokenAge(Duration.ZERO))).containsExactly("maxTokenAge");
        assertThat(fieldsRefused(valid().ciProvider(null))).containsExactly("ciProvider");
    }

    @Test
    void conditionsOnNamesWhereTheCiOffersAnIdAreWarnedAboutNamingTheIdClaim() {
        CiTrustPolicy github = valid().ciProvider(CiProvider.GITHUB_ACTIONS).issuer("https://token.actions.githubusercontent.com")
                .conditions(List.of(new ClaimCondition("repository", "acme/site"), new ClaimCondition("ref", "refs/heads/main")))
                .build();
        assertThat(github.warnings()).singleElement().asString().contains("\"repository\"").contains("\"repository_id\"");
        CiTrustPolicy gitlab = valid().ciProvider(CiProvider.GITLAB).issuer("https://gitlab.com")
                .conditions(List.of(new ClaimCondition("project_path", "acme/site"))).build();
        assertThat(gitlab.warnings()).singleElement().asString().contains("\"project_id\"");
        CiTrustPolicy bitbucket = valid().conditions(List.of(new ClaimCondition("sub", "{a}:{b}"))).build();
        assertThat(bitbucket.warnings()).singleElement().asString().contains("\"repositoryUuid\"");
    }
}
