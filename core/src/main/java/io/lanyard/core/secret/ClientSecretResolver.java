package io.lanyard.core.secret;

/**
 * Finds the client secret of an identity provider or an Entra ID connector. The one interface every secret lookup
 * goes through, so that where secrets come from (file, environment, JVM property, encrypted store) is decided in
 * one place.
 */
public interface ClientSecretResolver {

    /**
     * @param identityProviderId the provider's id, as in {@code provider.xml}
     * @param stored             what {@code provider.xml} holds in {@code CLIENT_SECRET}
     */
    ResolvedSecret resolveIdentityProviderSecret(String identityProviderId, StoredSecret stored);

    /**
     * @param connectorId the connector's id, as in {@code connector.xml}
     * @param stored      what {@code connector.xml} holds in {@code CLIENT_SECRET}
     */
    ResolvedSecret resolveConnectorSecret(String connectorId, StoredSecret stored);

    /**
     * The same resolution as {@link #resolveIdentityProviderSecret}, to show it (the admin pages, on every view), not
     * to use the secret: implementations that log where a secret came from do not log this.
     */
    default ResolvedSecret describeIdentityProviderSecret(String identityProviderId, StoredSecret stored) {
        return resolveIdentityProviderSecret(identityProviderId, stored);
    }

    /** As {@link #describeIdentityProviderSecret}, for a connector. */
    default ResolvedSecret describeConnectorSecret(String connectorId, StoredSecret stored) {
        return resolveConnectorSecret(connectorId, stored);
    }
}
