package io.lanyard.plugin.admin.api;

import io.lanyard.plugin.admin.integration.EntraConnectorJson;
import io.lanyard.plugin.admin.integration.IdentityProviderJson;
import io.lanyard.plugin.admin.integration.TokenIssuerJson;
import io.lanyard.plugin.admin.integration.CiTrustPolicyJson;
import io.lanyard.plugin.admin.integration.IntegrationJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration as the API exports and imports it: one list per kind of integration, named by its
 * {@code IntegrationAdmin.exportName()}. Exports never contain a secret.
 *
 * @param version           the format's version: {@value #VERSION}
 * @param identityProviders every identity provider, in order
 * @param entraConnectors   every Entra ID connector, in order; on import, absent (not empty) keeps the connectors in
 *                          force, so a document written before connectors existed changes only the providers
 * @param tokenIssuers      every API access token issuer, in order; absent on import keeps those in force
 * @param ciTrustPolicies   every CI trust policy, in order; absent on import keeps those in force
 */
record ConfigurationJson(Integer version, List<IdentityProviderJson> identityProviders,
        List<EntraConnectorJson> entraConnectors, List<TokenIssuerJson> tokenIssuers,
        List<CiTrustPolicyJson> ciTrustPolicies) {

    static final int VERSION = 1;

    /** Each kind's list by its export name; a list the document lacks is absent. */
    Map<String, List<? extends IntegrationJson<?>>> lists() {
        Map<String, List<? extends IntegrationJson<?>>> lists = new HashMap<>();
        lists.put("identityProviders", identityProviders);
        lists.put("entraConnectors", entraConnectors);
        lists.put("tokenIssuers", tokenIssuers);
        lists.put("ciTrustPolicies", ciTrustPolicies);
        lists.values().removeIf(list -> list == null);
        return lists;
    }

    /** A document of this version with these lists, by export name. */
    @SuppressWarnings("unchecked")
    static ConfigurationJson of(Map<String, List<? extends IntegrationJson<?>>> lists) {
        return new ConfigurationJson(VERSION, (List<IdentityProviderJson>) lists.get("identityProviders"),
                (List<EntraConnectorJson>) lists.get("entraConnectors"), (List<TokenIssuerJson>) lists.get("tokenIssuers"),
                (List<CiTrustPolicyJson>) lists.get("ciTrustPolicies"));
    }
}
