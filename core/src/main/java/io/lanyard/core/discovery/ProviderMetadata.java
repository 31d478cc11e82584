package io.lanyard.core.discovery;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Lanyard uses of a provider's discovery document (OpenID Connect Discovery 1.0 §3), already checked.
 *
 * @param issuer                        equal, as a plain string, to the configured issuer
 * @param authorizationEndpoint         where browsers are sent to log in
 * @param tokenEndpoint                 where the code is exchanged
 * @param jwksUri                       the only place signing keys are taken from
 * @param userInfoEndpoint              optional
 * @param endSessionEndpoint            optional (RP-initiated logout)
 * @param issuerParameterSupported      RFC 9207 {@code authorization_response_iss_parameter_supported}
 * @param tokenEndpointAuthMethods      announced client authentication methods (empty if not announced)
 * @param signingAlgorithms             announced {@code id_token_signing_alg_values_supported}
 */
public record ProviderMetadata(
        String issuer,
        URI authorizationEndpoint,
        URI tokenEndpoint,
        URI jwksUri,
        Optional<URI> userInfoEndpoint,
        Optional<URI> endSessionEndpoint,
        boolean issuerParameterSupported,
        Set<String> tokenEndpointAuthMethods,
        Set<String> signingAlgorithms) {

    public ProviderMetadata {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(userInfoEndpoint, "userInfoEndpoint");
        Objects.requireNonNull(endSessionEndpoint, "endSessionEndpoint");
        tokenEndpointAuthMethods = Set.copyOf(tokenEndpointAuthMethods);
        signingAlgorithms = Set.copyOf(signingAlgorithms);
    }
}
