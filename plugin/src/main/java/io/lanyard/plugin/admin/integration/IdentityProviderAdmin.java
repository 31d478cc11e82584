package io.lanyard.plugin.admin.integration;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.diagnostics.DiscoveryReport;
import io.lanyard.core.diagnostics.IdentityProviderCheck;
import io.lanyard.core.diagnostics.ProviderCheckReport;
import io.lanyard.core.host.BaseUrl;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "IdP integration": OpenID Connect identity providers. Besides what every kind has: the issuer in the list, the
 * callback URL to register at the provider, and "Fetch", which reads the discovery document of the URL typed in and
 * fills in the issuer (on the form page, and as {@code POST discovery} in the API).
 */
public final class IdentityProviderAdmin implements IntegrationAdmin<IdentityProviderConfig, IdentityProviderForm> {

    private final IdentityProviderCheck check;
    private final BaseUrl baseUrl;

    public IdentityProviderAdmin(IdentityProviderCheck check, BaseUrl baseUrl) {
        this.check = check;
        this.baseUrl = baseUrl;
    }

    @Override
    public IntegrationKind<IdentityProviderConfig> kind() {
        return IntegrationKind.IDENTITY_PROVIDER;
    }

    @Override
    public Names names() {
        // Every document since version 1 has them: an import without the list has none.
        return new Names("idp", "provider", "idps", "identityProviders", false);
    }

    @Override
    public Forms<IdentityProviderConfig, IdentityProviderForm> forms() {
        return new Forms<>(IdentityProviderForm.class, IdentityProviderForm::newProvider, IdentityProviderForm::of,
                IdentityProviderForm.LAYOUT);
    }

    @Override
    public void addColumns(IdentityProviderConfig provider, Map<String, Object> row) {
        row.put("issuer", provider.issuer());
    }

    @Override
    public Class<IdentityProviderJson> jsonType() {
        return IdentityProviderJson.class;
    }

    @Override
    public IntegrationJson<IdentityProviderConfig> toJson(IdentityProviderConfig config, SecretSection secret) {
        return IdentityProviderJson.of(config, baseUrl.baseUrl().toString(), secret);
    }

    @Override
    public IdentityProviderConfig keepUneditedParts(IdentityProviderConfig edited,
            java.util.Optional<IdentityProviderConfig> existing) {
        // The sign-in settings (chooser, e-mail domains, account restrictions) have no form fields yet.
        return existing.map(stored -> edited.toBuilder().signIn(stored.signIn()).build()).orElse(edited);
    }

    @Override
    public TestResult test(IdentityProviderConfig config) {
        ProviderCheckReport report = check.test(config);
        return new TestResult(CheckViews.reportPage(report), CheckViews.report(report));
    }

    /** The callback URL to register at the provider, which the form shows before the provider is even saved. */
    @Override
    public Map<String, Object> shownValues(IdentityProviderForm form) {
        return Map.of("callbackUrl", baseUrl.baseUrl() + LanyardPaths.callbackPath(form.id()));
    }

    /** "Fetch": the form again, with the issuer the document announces filled in. */
    @Override
    public boolean handleFormAction(String action, IdentityProviderForm form, FormPage<IdentityProviderForm> page)
            throws IOException {
        if (!action.equals("fetch")) {
            return false;
        }
        DiscoveryReport report;
        try {
            report = check.discover(form.discoveryUrl());
        } catch (ConfigurationException e) {
            page.showErrors(form, e);
            return true;
        }
        IdentityProviderForm filled = report.metadata().map(found -> form.withIssuer(found.issuer())).orElse(form);
        Map<String, Object> discovery = new HashMap<>();
        discovery.put("url", report.discoveryUrl().toString());
        report.metadata().ifPresent(metadata -> discovery.put("metadata", CheckViews.metadata(metadata)));
        report.failure().ifPresent(failure -> discovery.put("failure", CheckViews.failurePage(failure)));
        page.showActionResult(filled, action, Map.of("discovery", discovery));
        return true;
    }

    /**
     * "Fetch" in the API: what the document at a discovery URL (or an issuer's well-known URL) announces.
     *
     * @throws ConfigurationException when the URL itself is refused (field {@code discoveryUrl})
     */
    public Map<String, Object> discover(String url) {
        DiscoveryReport report = check.discover(url);
        Map<String, Object> result = new HashMap<>();
        result.put("discoveryUrl", report.discoveryUrl().toString());
        report.metadata().ifPresent(metadata -> result.put("metadata", CheckViews.metadata(metadata)));
        report.failure().ifPresent(failure -> result.put("failure", CheckViews.failure(failure)));
        return result;
    }

    /** The sign-in settings have no form fields yet (provider.xml only): kept as stored. */
    @Override
    public IdentityProviderConfig withWhatTheFormDoesNotShow(Optional<IdentityProviderConfig> stored,
            IdentityProviderConfig edited) {
        return stored.map(config -> edited.toBuilder().signIn(config.signIn()).build()).orElse(edited);
    }
}
