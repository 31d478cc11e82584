package io.lanyard.plugin.admin.integration;

import io.lanyard.core.bearer.CiTokenExplainer;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.diagnostics.EntraConnectorCheck;
import io.lanyard.core.diagnostics.IdentityProviderCheck;
import io.lanyard.core.diagnostics.TokenIssuerCheck;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.plugin.admin.AdminGuard;
import io.lanyard.plugin.admin.AdminPages;
import io.lanyard.plugin.admin.AdminView;
import java.util.List;
import java.util.function.Supplier;

/**
 * The admin side of every kind of integration, in the order of the tabs and of an exported document: the one list to
 * extend when a kind is added.
 */
public final class IntegrationAdmins {

    private final IdentityProviderAdmin identityProviders;
    private final CiTrustPolicyAdmin ciTrustPolicies;
    private final List<IntegrationAdmin<?, ?>> all;

    /**
     * @param check          the identity providers' "Fetch" and "Test"
     * @param connectorCheck the Entra ID connectors' "Test"
     * @param issuerCheck    the token issuers' "Test" (API access)
     * @param baseUrl        the host's base URL, for the callback URLs to register at providers
     * @param ciTokens       the CI trust policies' "Test" and "Test token"
     * @param current        the configuration in force, which "Test token" checks a token against
     */
    public IntegrationAdmins(IdentityProviderCheck check, EntraConnectorCheck connectorCheck,
            TokenIssuerCheck issuerCheck, BaseUrl baseUrl, CiTokenExplainer ciTokens,
            Supplier<LanyardConfiguration> current) {
        this.identityProviders = new IdentityProviderAdmin(check, baseUrl);
        this.ciTrustPolicies = new CiTrustPolicyAdmin(ciTokens, current);
        this.all = List.of(identityProviders, new EntraConnectorAdmin(connectorCheck), new TokenIssuerAdmin(issuerCheck),
                ciTrustPolicies);
    }

    /** For the API's {@code POST ciTokenTest}. */
    public CiTrustPolicyAdmin ciTrustPolicies() {
        return ciTrustPolicies;
    }

    public List<IntegrationAdmin<?, ?>> all() {
        return all;
    }

    /** For the API's {@code POST discovery}. */
    public IdentityProviderAdmin identityProviders() {
        return identityProviders;
    }

    /** One section of pages per kind, the identity providers' first (the entry page). */
    public List<AdminPages> pages(ConfigurationService configuration, SecretSections secrets, AdminView view,
            AdminGuard guard) {
        return all.stream().<AdminPages>map(admin -> pagesOf(admin, configuration, secrets, view, guard)).toList();
    }

    private static <C extends Integration, F extends IntegrationForm<C>> AdminPages pagesOf(
            IntegrationAdmin<C, F> admin, ConfigurationService configuration, SecretSections secrets,
            AdminView view, AdminGuard guard) {
        return new IntegrationPages<>(admin, configuration, secrets, view, guard);
    }
}
