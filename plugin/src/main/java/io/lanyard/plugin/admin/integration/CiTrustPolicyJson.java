package io.lanyard.plugin.admin.integration;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.lanyard.core.config.CiProvider;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.CiTrustPolicyBuilder;
import io.lanyard.core.config.ClaimCondition;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CI trust policy in the JSON API, in both directions ({@link IntegrationJson}); it owns no secret, so a document
 * that sends one is refused as an unknown field. {@code warnings} (read-only) names conditions on renameable claims
 * where the CI offers an id.
 */
public record CiTrustPolicyJson(
        String id,
        String displayName,
        Boolean enabled,
        String ciProvider,
        String issuer,
        String jwksUri,
        List<String> audiences,
        List<Condition> conditions,
        String account,
        String serviceAccountDirectory,
        Boolean readOnly,
        List<String> pathPrefixes,
        Long maxTokenAgeSeconds,
        @com.fasterxml.jackson.annotation.JsonProperty(access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        List<String> warnings) implements IntegrationJson<CiTrustPolicy> {

    /** One claim condition: exact, or a glob when {@code value} holds {@code *} or {@code ?}. */
    public record Condition(String claim, String value) {
    }

    static CiTrustPolicyJson of(CiTrustPolicy c) {
        return new CiTrustPolicyJson(c.id(), c.displayName(), c.enabled(), c.ciProvider().name(), c.issuer(),
                c.jwksUri().map(URI::toString).orElse(null), c.audiences(),
                c.conditions().stream().map(condition -> new Condition(condition.claim(), condition.expected())).toList(),
                c.account(), c.serviceAccountDirectory().orElse(null), c.readOnly(), c.pathPrefixes(),
                c.maxTokenAge().map(Duration::toSeconds).orElse(null), c.warnings());
    }

    @Override
    public CiTrustPolicy toConfig(String configId, StoredSecret currentSecret) {
        List<FieldError> errors = new ArrayList<>();
        CiTrustPolicyBuilder builder = common(CiTrustPolicy.builder(), configId, currentSecret).issuer(issuer)
                .jwksUri(jwksUri).audiences(audiences == null ? List.of() : audiences).conditions(conditions(errors))
                .account(account).serviceAccountDirectory(serviceAccountDirectory)
                .readOnly(Boolean.TRUE.equals(readOnly)).pathPrefixes(pathPrefixes == null ? List.of() : pathPrefixes);
        if (ciProvider != null) {
            Arrays.stream(CiProvider.values()).filter(value -> value.name().equals(ciProvider)).findFirst()
                    .ifPresentOrElse(builder::ciProvider, () -> errors.add(new FieldError("ciProvider",
                            "must be BITBUCKET_PIPELINES, GITHUB_ACTIONS, GITLAB or OTHER")));
        } else {
            errors.add(new FieldError("ciProvider", "must be given"));
        }
        if (maxTokenAgeSeconds != null) {
            builder.maxTokenAge(Duration.ofSeconds(maxTokenAgeSeconds));
        }
        return IntegrationJson.build(builder, errors, "CI trust policy");
    }

    private List<ClaimCondition> conditions(List<FieldError> errors) {
        List<ClaimCondition> result = new ArrayList<>();
        for (Condition condition : conditions == null ? List.<Condition>of() : conditions) {
            if (condition == null || condition.claim() == null || condition.value() == null) {
                errors.add(new FieldError("conditions", "each condition has a claim and a value"));
                continue;
            }
            result.add(new ClaimCondition(condition.claim(), condition.value()));
        }
        return result;
    }

    @JsonIgnore
    @Override
    public String clientSecret() {
        return null;
    }

    @JsonIgnore
    @Override
    public Boolean clearClientSecret() {
        return null;
    }

    @JsonIgnore
    @Override
    public String nextClientSecret() {
        return null;
    }

    @JsonIgnore
    @Override
    public Boolean clearNextClientSecret() {
        return null;
    }

    @JsonIgnore
    @Override
    public String clientSecretExpiresOn() {
        return null;
    }
}
