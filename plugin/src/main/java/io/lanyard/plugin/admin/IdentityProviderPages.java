package io.lanyard.plugin.admin;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.ConfigurationService;
import io.lanyard.core.config.IdGenerator;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.xml.ProviderXmlStore;
import io.lanyard.core.diagnostics.DiscoveryReport;
import io.lanyard.core.diagnostics.IdentityProviderCheck;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The "IdP integration" pages: those of every integration, plus "Fetch", which reads the discovery document of the
 * URL typed in and fills in the issuer, and the callback URL to register at the provider.
 */
final class IdentityProviderPages extends IntegrationPages<IdentityProviderConfig, IdentityProviderForm> {

    static final String BASE = "/idp";

    private final IdentityProviderCheck check;
    private final BaseUrl baseUrl;

    IdentityProviderPages(ConfigurationService configuration, IdentityProviderCheck check, ClientSecretResolver secrets,
            BaseUrl baseUrl, AdminView view, AdminGuard guard) {
        super(configuration, secrets, view, guard, BASE, AdminView.TAB_IDP);
        this.check = check;
        this.baseUrl = baseUrl;
    }

    @Override
    String label() {
        return "identity provider";
    }

    @Override
    String fileName() {
        return ProviderXmlStore.FILE_NAME;
    }

    @Override
    String itemKey() {
        return "provider";
    }

    @Override
    List<IdentityProviderConfig> all() {
        return configuration.current().identityProviders();
    }

    @Override
    Optional<IdentityProviderConfig> find(String id) {
        return configuration.current().identityProvider(id);
    }

    @Override
    String id(IdentityProviderConfig config) {
        return config.id();
    }

    @Override
    String displayName(IdentityProviderConfig config) {
        return config.displayName();
    }

    @Override
    StoredSecret storedSecret(IdentityProviderConfig config) {
        return config.clientSecret();
    }

    @Override
    String newId() {
        return IdGenerator.newIdentityProviderId();
    }

    @Override
    boolean isWellFormedNewId(String posted) {
        return AdminPaths.isId(posted);
    }

    @Override
    IdentityProviderForm newForm(String id) {
        return IdentityProviderForm.newProvider(id);
    }

    @Override
    IdentityProviderForm formOf(IdentityProviderConfig config) {
        return IdentityProviderForm.of(config);
    }

    @Override
    IdentityProviderForm formFrom(HttpServletRequest request, String id) {
        return IdentityProviderForm.fromRequest(request, id);
    }

    @Override
    IdentityProviderConfig save(IdentityProviderConfig config) {
        return configuration.saveIdentityProvider(config);
    }

    @Override
    void delete(String id) {
        configuration.deleteIdentityProvider(id);
    }

    @Override
    IdentityProviderConfig withEnabled(IdentityProviderConfig config, boolean enabled) {
        return config.toBuilder().enabled(enabled).build();
    }

    @Override
    Map<String, Object> row(IdentityProviderConfig provider) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", provider.id());
        row.put("displayName", provider.displayName());
        row.put("issuer", provider.issuer());
        row.put("enabled", provider.enabled());
        row.put("secret", SecretSection.of(provider, secrets).toSoy());
        return row;
    }

    @Override
    Map<String, Object> test(IdentityProviderConfig config) {
        return CheckViews.report(check.test(config));
    }

    @Override
    SecretSection secretSection(Optional<IdentityProviderConfig> stored, String id) {
        return stored.map(provider -> SecretSection.of(provider, secrets))
                .orElseGet(() -> SecretSection.ofNewIdentityProvider(id, secrets));
    }

    @Override
    void addFormData(IdentityProviderForm form, Map<String, Object> data) {
        data.put("callbackUrl", baseUrl.baseUrl() + LanyardPaths.callbackPath(form.id()));
    }

    @Override
    boolean handleFormAction(String action, HttpServletRequest request, HttpServletResponse response,
            IdentityProviderForm form, boolean isNew) throws IOException {
        if (!action.equals("fetch")) {
            return false;
        }
        DiscoveryReport report;
        try {
            report = check.discover(form.discoveryUrl());
        } catch (ConfigurationException e) {
            showErrors(request, response, form, isNew, e);
            return true;
        }
        IdentityProviderForm filled = report.metadata().map(found -> form.withIssuer(found.issuer())).orElse(form);
        Map<String, Object> discovery = new HashMap<>();
        discovery.put("url", report.discoveryUrl().toString());
        report.metadata().ifPresent(metadata -> discovery.put("metadata", CheckViews.metadata(metadata)));
        report.failure().ifPresent(failure -> discovery.put("failure", CheckViews.failure(failure)));
        showForm(request, response, HttpServletResponse.SC_OK, filled, isNew, Map.of(), Map.of("discovery", discovery));
        return true;
    }
}
