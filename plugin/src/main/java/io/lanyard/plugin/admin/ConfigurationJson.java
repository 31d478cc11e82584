package io.lanyard.plugin.admin;

import java.util.List;

/**
 * The whole configuration as the API exports and imports it. Exports never contain a secret.
 *
 * @param version           the format's version: {@value #VERSION}
 * @param identityProviders every identity provider, in order
 * @param entraConnectors   every Entra ID connector, in order; on import, absent (not empty) keeps the connectors in
 *                          force, so a document written before connectors existed changes only the providers
 */
record ConfigurationJson(Integer version, List<IdentityProviderJson> identityProviders,
        List<EntraConnectorJson> entraConnectors) {

    static final int VERSION = 1;
}
