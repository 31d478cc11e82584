package io.lanyard.core.secret;

/** Takes the client secret from the configuration file only. */
public final class ConfigurationFileSecretResolver implements ClientSecretResolver {

    @Override
    public ResolvedSecret resolveIdentityProviderSecret(String identityProviderId, StoredSecret stored) {
        return stored.plaintext()
                .map(secret -> ResolvedSecret.found(secret, SecretSource.CONFIGURATION_FILE, null))
                .orElseGet(ResolvedSecret::notSet);
    }
}
