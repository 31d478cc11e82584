package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.IntegrationXmlFormat.optional;
import static io.lanyard.core.config.xml.IntegrationXmlFormat.optionalList;
import static io.lanyard.core.config.xml.IntegrationXmlFormat.required;

import io.lanyard.core.config.CiProvider;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.CiTrustPolicyBuilder;
import io.lanyard.core.config.ClaimCondition;
import io.lanyard.core.config.IntegrationKind;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ci-trust.xml}, next to {@code token-issuer.xml}: the trust policies for CI job tokens (issue 17). Each claim
 * condition is an item {@code <CONDITION claim="repositoryUuid" value="{…}"/>}; a value with {@code *} or {@code ?}
 * is a glob.
 */
public final class CiTrustPolicyXml {

    public static final String FILE_NAME = "ci-trust.xml";
    private static final List<String> CONDITION_ATTRIBUTES = List.of("claim", "value");

    static final IntegrationXmlFormat<CiTrustPolicy, CiTrustPolicyBuilder> FORMAT = new IntegrationXmlFormat<>(
            IntegrationKind.CI_TRUST_POLICY, FILE_NAME, "lanyard-ci-trust-policies", "policy", "ciTrustPolicies",
            CiTrustPolicy::builder, List.of(
            IntegrationXmlFormat.displayName(),
            required("CI", "ciProvider", (b, text) -> text.ifOneOf(CiTrustPolicyXml::provider,
                    "must be BITBUCKET_PIPELINES, GITHUB_ACTIONS, GITLAB or OTHER", b::ciProvider),
                    c -> c.ciProvider().name()),
            required("ISSUER", "issuer", (b, text) -> b.issuer(text.value()), CiTrustPolicy::issuer),
            optional("JWKS_URI", "jwksUri", (b, text) -> b.jwksUri(text.valueOrNull()),
                    c -> c.jwksUri().map(URI::toString).orElse("")),
            required("AUDIENCES", "audiences", (b, text) -> b.audiences(text.words()),
                    c -> XmlText.words(c.audiences())),
            optionalList("CONDITIONS", "conditions", new IntegrationXmlFormat.ItemList<>("CONDITION",
                    CONDITION_ATTRIBUTES, c -> c.conditions().stream()
                    .map(condition -> List.of(condition.claim(), condition.expected())).toList()),
                    (b, text) -> b.conditions(conditions(text.items()))),
            required("ACCOUNT", "account", (b, text) -> b.account(text.value()), CiTrustPolicy::account),
            optional("SERVICE_ACCOUNT_DIRECTORY", "serviceAccountDirectory",
                    (b, text) -> b.serviceAccountDirectory(text.valueOrNull()),
                    c -> c.serviceAccountDirectory().orElse("")),
            optional("READ_ONLY", "readOnly", (b, text) -> text.ifBoolean(b::readOnly),
                    c -> String.valueOf(c.readOnly())),
            optional("PATH_PREFIXES", "pathPrefixes", (b, text) -> b.pathPrefixes(text.words()),
                    c -> XmlText.words(c.pathPrefixes())),
            optional("MAX_TOKEN_AGE_SECONDS", "maxTokenAge", (b, text) -> text.ifSeconds(b::maxTokenAge),
                    c -> c.maxTokenAge().map(age -> String.valueOf(age.toSeconds())).orElse(""))));

    private CiTrustPolicyXml() {
    }

    private static Optional<CiProvider> provider(String name) {
        return Arrays.stream(CiProvider.values()).filter(value -> value.name().equals(name)).findFirst();
    }

    private static List<ClaimCondition> conditions(List<Map<String, String>> items) {
        return items.stream().map(item -> new ClaimCondition(item.getOrDefault("claim", ""),
                item.getOrDefault("value", ""))).toList();
    }
}
