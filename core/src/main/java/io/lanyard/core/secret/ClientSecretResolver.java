package io.lanyard.core.secret;

/**
 * Finds the client secret of an identity provider. The one interface every secret lookup goes through,
 * so that where secrets come from (file, environment, JVM property, encrypted store) is decided in one place.
 */
public interface ClientSecretResolver {

    /**
     * @param identityProviderId the provider's id, as in {@code provider.xml}
     * @param stored             what {@code provider.xml} holds in {@code CLIENT_SECRET}
     */
    ResolvedSecret resolveIdentityProviderSecret(String identityProviderId, StoredSecret stored);
}
