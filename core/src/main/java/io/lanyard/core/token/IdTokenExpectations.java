package io.lanyard.core.token;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.secret.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an ID token of one login must say: the provider's identity and our registration at it (from the
 * configuration) plus the nonce of this login.
 *
 * @param clientSecret the key for HS* algorithms, used only if the administrator allowed one of them
 */
public record IdTokenExpectations(
        String issuer,
        String clientId,
        Set<String> trustedAudiences,
        String nonce,
        Set<String> allowedAlgorithms,
        Duration clockSkew,
        Optional<Duration> maxAuthenticationAge,
        List<String> acrValues,
        Optional<Secret> clientSecret) {

    public IdTokenExpectations {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        trustedAudiences = Set.copyOf(trustedAudiences);
        Objects.requireNonNull(nonce, "nonce");
        allowedAlgorithms = Set.copyOf(allowedAlgorithms);
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(maxAuthenticationAge, "maxAuthenticationAge");
        acrValues = List.copyOf(acrValues);
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    public static IdTokenExpectations of(IdentityProviderConfig config, String nonce, Optional<Secret> clientSecret) {
        return new IdTokenExpectations(config.issuer(), config.clientId(), config.trustedAudiences(), nonce,
                config.allowedAlgorithms(), config.clockSkew(), config.maxAuthenticationAge(), config.acrValues(),
                clientSecret);
    }

    @Override
    public String toString() {
        return "IdTokenExpectations[issuer=" + issuer + ", clientId=" + clientId + "]";
    }
}
