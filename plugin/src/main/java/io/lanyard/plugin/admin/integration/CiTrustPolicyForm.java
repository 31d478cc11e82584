package io.lanyard.plugin.admin.integration;

import static io.lanyard.plugin.admin.integration.FormLayout.Field.checkbox;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.number;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.select;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.text;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.textarea;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.url;
import static io.lanyard.plugin.admin.integration.FormLayout.section;

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
import java.util.Map;

/**
 * The CI trust policy form ("API access: CI jobs") as the administrator typed it. Conditions are one per line,
 * {@code claim=value}; audiences and path prefixes space-separated. {@code testToken} is where a CI token is pasted
 * for "Test token": it is read for that one action and never stored, logged or shown again ({@link #toSoy}).
 */
public record CiTrustPolicyForm(
        String id,
        String displayName,
        boolean enabled,
        String ciProvider,
        String issuer,
        String jwksUri,
        String audiences,
        String conditions,
        String account,
        String serviceAccountDirectory,
        boolean readOnly,
        String pathPrefixes,
        String maxTokenAgeSeconds,
        String testToken) implements IntegrationForm<CiTrustPolicy> {

    /** The CI and its tokens, which jobs, what they may do, and the token test. */
    public static final FormLayout LAYOUT = FormLayout.of(
            section("ci",
                    text("displayName").asRequired().withTexts("lanyard.admin.field.ci.displayName",
                            "lanyard.admin.help.ci.displayName"),
                    checkbox("enabled").withTexts("lanyard.admin.field.enabled", "lanyard.admin.help.ci.enabled"),
                    select("ciProvider", Arrays.stream(CiProvider.values()).map(CiProvider::name).toList(),
                            "lanyard.admin.option.ciProvider."),
                    url("issuer").asRequired()
                            .withPlaceholder("https://api.bitbucket.org/2.0/workspaces/<workspace>/pipelines-config/identity/oidc")
                            .withTexts("lanyard.admin.field.ci.issuer", "lanyard.admin.help.ci.issuer"),
                    text("audiences").asRequired().withPlaceholder("ari:cloud:bitbucket::workspace/<uuid>"),
                    url("jwksUri").asAdvanced().withTexts("lanyard.admin.field.ci.jwksUri", "lanyard.admin.help.ci.jwksUri")),
            section("jobs",
                    textarea("conditions").asRequired().withPlaceholder("repositoryUuid={…}\nbranchName=main")),
            section("grant",
                    text("account").asRequired().withPlaceholder("ci-bot").withTexts("lanyard.admin.field.ci.account",
                            "lanyard.admin.help.ci.account"),
                    text("serviceAccountDirectory").withPlaceholder("Internal Directory"),
                    checkbox("readOnly").withTexts("lanyard.admin.field.ci.readOnly", "lanyard.admin.help.ci.readOnly"),
                    text("pathPrefixes").withPlaceholder("/rest/api/2/issue/"),
                    number("maxTokenAgeSeconds")),
            section("tryToken",
                    textarea("testToken").withAction("explain")).withIntro());

    public static CiTrustPolicyForm newPolicy(String id) {
        return new CiTrustPolicyForm(id, "", true, CiProvider.BITBUCKET_PIPELINES.name(), "", "", "", "", "", "", false,
                "", "", "");
    }

    public static CiTrustPolicyForm of(CiTrustPolicy c) {
        return new CiTrustPolicyForm(c.id(), c.displayName(), c.enabled(), c.ciProvider().name(), c.issuer(),
                c.jwksUri().map(URI::toString).orElse(""), String.join(" ", c.audiences()),
                String.join("\n", c.conditions().stream().map(ClaimCondition::toString).toList()), c.account(),
                c.serviceAccountDirectory().orElse(""), c.readOnly(), String.join(" ", c.pathPrefixes()),
                c.maxTokenAge().map(age -> String.valueOf(age.toSeconds())).orElse(""), "");
    }

    /** The same form without the pasted token: what is shown again. */
    public CiTrustPolicyForm withoutToken() {
        return new CiTrustPolicyForm(id, displayName, enabled, ciProvider, issuer, jwksUri, audiences, conditions,
                account, serviceAccountDirectory, readOnly, pathPrefixes, maxTokenAgeSeconds, "");
    }

    /** Never the pasted token: a page shown again (also after a refused save) has the field empty. */
    @Override
    public Map<String, Object> toSoy() {
        Map<String, Object> values = IntegrationForm.super.toSoy();
        values.put("testToken", "");
        return values;
    }

    @Override
    public CiTrustPolicy toConfig(StoredSecret clientSecret) {
        List<FieldError> errors = new ArrayList<>();
        CiTrustPolicyBuilder builder = common(CiTrustPolicy.builder(), clientSecret).issuer(issuer).jwksUri(jwksUri)
                .audiences(words(audiences)).conditions(conditions(conditions, errors)).account(account)
                .serviceAccountDirectory(serviceAccountDirectory).readOnly(readOnly).pathPrefixes(words(pathPrefixes));
        Arrays.stream(CiProvider.values()).filter(value -> value.name().equals(ciProvider.strip())).findFirst()
                .ifPresentOrElse(builder::ciProvider, () -> errors.add(new FieldError("ciProvider",
                        "must be BITBUCKET_PIPELINES, GITHUB_ACTIONS, GITLAB or OTHER")));
        if (!maxTokenAgeSeconds.isBlank()) {
            if (maxTokenAgeSeconds.strip().matches("\\d{1,6}")) {
                builder.maxTokenAge(Duration.ofSeconds(Long.parseLong(maxTokenAgeSeconds.strip())));
            } else {
                errors.add(new FieldError("maxTokenAge", "must be a whole number of seconds"));
            }
        }
        return IntegrationForm.build(builder::build, errors, "CI trust policy");
    }

    /** One condition per line, {@code claim=value} (the value may hold {@code =}). */
    static List<ClaimCondition> conditions(String text, List<FieldError> errors) {
        List<ClaimCondition> result = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                errors.add(new FieldError("conditions", "each line is claim=value"));
                continue;
            }
            result.add(new ClaimCondition(line.substring(0, equals).strip(), line.substring(equals + 1).strip()));
        }
        return result;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    /** Never prints the pasted token. */
    @Override
    public String toString() {
        return "CiTrustPolicyForm[id=" + id + ", displayName=" + displayName + "]";
    }
}
