package io.lanyard.plugin.admin;

import java.util.List;

/**
 * The whole configuration as the API exports and imports it. Exports never contain a secret.
 *
 * @param version           the format's version: {@value #VERSION}
 * @param identityProviders every identity provider, in order
 */
record ConfigurationJson(Integer version, List<IdentityProviderJson> identityProviders) {

    static final int VERSION = 1;
}
