package io.lanyard.interop.harness;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.secret.Secret;
import java.util.Set;

/**
 * A client registered at a provider under test.
 *
 * @param clientId         the client id at the provider
 * @param lanyardId        the id of the matching provider entry in Lanyard (part of the registered redirect URI)
 * @param secret           the client secret, random per test run
 * @param signingAlgorithm the algorithm the provider signs this client's ID tokens with
 * @param authMethods      the client authentication methods the provider accepts from it
 */
public record RegisteredClient(String clientId, String lanyardId, Secret secret, String signingAlgorithm,
        Set<ClientAuthMethod> authMethods) {

    @Override
    public String toString() {
        return clientId + " (" + signingAlgorithm + ", " + authMethods + ")";
    }
}
