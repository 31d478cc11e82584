package io.lanyard.core.secret;

/** Takes the client secret from the configuration file only. */
public final class ConfigurationFileSecretResolver implements ClientSecretResolver {

    @Override
    public ResolvedSecret resolveIdentityProviderSecret(String identityProviderId, StoredSecret stored) {
        return fromFile(stored);
    }

    @Override
    public ResolvedSecret resolveConnectorSecret(String connectorId, StoredSecret stored) {
        return fromFile(stored);
    }

    private static ResolvedSecret fromFile(StoredSecret stored) {
        return stored.plaintext()
                .map(secret -> ResolvedSecret.found(secret, SecretSource.CONFIGURATION_FILE, null))
                .orElseGet(ResolvedSecret::notSet);
    }
}
