package io.lanyard.plugin.admin.integration;

import io.lanyard.core.bearer.CiTokenExplainer;
import io.lanyard.core.bearer.CiTokenExplanation;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.secret.StoredSecret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * "API access: CI jobs" (issue 17): trust policies for the OIDC tokens Bitbucket Pipelines, GitHub Actions and GitLab
 * CI hand their jobs. "Test" fetches the CI's keys; "Test token" takes a pasted token (never stored, logged or shown
 * again) and tells which policy would grant it and, for each other one, which rule fails, granting nothing.
 */
public final class CiTrustPolicyAdmin implements IntegrationAdmin<CiTrustPolicy, CiTrustPolicyForm> {

    private final CiTokenExplainer explainer;
    private final Supplier<LanyardConfiguration> current;

    public CiTrustPolicyAdmin(CiTokenExplainer explainer, Supplier<LanyardConfiguration> current) {
        this.explainer = explainer;
        this.current = current;
    }

    @Override
    public IntegrationKind<CiTrustPolicy> kind() {
        return IntegrationKind.CI_TRUST_POLICY;
    }

    @Override
    public Names names() {
        // A document written before CI trust policies existed keeps those in force.
        return new Names("ci", "policy", "ciTrustPolicies", "ciTrustPolicies", true);
    }

    @Override
    public Forms<CiTrustPolicy, CiTrustPolicyForm> forms() {
        return new Forms<>(CiTrustPolicyForm.class, CiTrustPolicyForm::newPolicy, CiTrustPolicyForm::of,
                CiTrustPolicyForm.LAYOUT);
    }

    @Override
    public void addColumns(CiTrustPolicy policy, Map<String, Object> row) {
        row.put("ciProvider", policy.ciProvider().name());
        row.put("issuer", policy.issuer());
        row.put("account", policy.account());
        row.put("conditions", policy.conditions().stream().map(Object::toString).toList());
        row.put("warnings", policy.warnings());
    }

    @Override
    public Class<CiTrustPolicyJson> jsonType() {
        return CiTrustPolicyJson.class;
    }

    @Override
    public IntegrationJson<CiTrustPolicy> toJson(CiTrustPolicy config, SecretSection secret) {
        return CiTrustPolicyJson.of(config);
    }

    @Override
    public TestResult test(CiTrustPolicy config) {
        CiTokenExplainer.KeysCheck check = explainer.checkKeys(config);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("passed", check.failure().isEmpty());
        page.put("keysUrl", check.keysUrl().orElse(""));
        page.put("detail", check.detail());
        page.put("code", check.failure().map(ErrorCode::code).orElse(""));
        page.put("titleKey", check.failure().map(ErrorCode::i18nKey).orElse(""));
        page.put("adviceKey", check.failure().map(code -> code.i18nKey() + ".advice").orElse(""));
        page.put("warnings", config.warnings());
        return new TestResult(page, page);
    }

    /** "Test token": the stored policies, with the one being edited as typed when it is valid. */
    @Override
    public boolean handleFormAction(String action, CiTrustPolicyForm form, FormPage<CiTrustPolicyForm> page)
            throws IOException {
        if (!action.equals("explain")) {
            return false;
        }
        LanyardConfiguration config = current.get();
        try {
            config = withEdited(config, form.toConfig(StoredSecret.none()));
        } catch (ConfigurationException e) {
            // an invalid edit is tested as stored
        }
        page.showActionResult(form.withoutToken(), action,
                Map.of("explanation", explanationView(explainer.explain(form.testToken(), config))));
        return true;
    }

    /** For the JSON API's {@code POST ciTokenTest}: the stored policies only. */
    public Map<String, Object> explain(String token) {
        return explanationView(explainer.explain(token, current.get()));
    }

    private static LanyardConfiguration withEdited(LanyardConfiguration config, CiTrustPolicy edited) {
        List<CiTrustPolicy> policies = new ArrayList<>(config.all(IntegrationKind.CI_TRUST_POLICY));
        policies.removeIf(policy -> policy.id().equals(edited.id()));
        policies.add(edited);
        return config.with(IntegrationKind.CI_TRUST_POLICY, policies);
    }

    static Map<String, Object> explanationView(CiTokenExplanation explanation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ours", explanation.ours());
        view.put("issuer", explanation.issuer());
        view.put("rejection", explanation.rejection().map(ErrorCode::code).orElse(""));
        view.put("rejectionKey", explanation.rejection().map(ErrorCode::i18nKey).orElse(""));
        view.put("description", explanation.description().orElse(""));
        view.put("granting", explanation.granting().map(CiTokenExplanation.PolicyVerdict::policyId).orElse(""));
        view.put("policies", explanation.policies().stream().map(verdict -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", verdict.policyId());
            row.put("displayName", verdict.displayName());
            row.put("grants", verdict.grants());
            row.put("code", verdict.failed().map(ErrorCode::code).orElse(""));
            row.put("description", verdict.description().orElse(""));
            return row;
        }).toList());
        return view;
    }
}
