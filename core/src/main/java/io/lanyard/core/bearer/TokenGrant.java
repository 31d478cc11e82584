package io.lanyard.core.bearer;

import io.lanyard.core.config.AddressRange;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.ClientMapping;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verified token allows, kept in the {@link VerifiedTokenCache} until the token expires (or, for an introspected
 * one, until the cache time ends): who it acts as, with the restrictions checked on every request.
 *
 * @param issuerId      the token issuer's id
 * @param clientId      the calling client
 * @param username      the account it acts as
 * @param mapping       the client's mapping (restrictions); empty for a user-delegated token
 * @param scopes        the token's scopes
 * @param expiresAtMillis the token's {@code exp}
 * @param issuedAtMillis  its {@code iat}, or {@link Long#MIN_VALUE} when the issuer did not say
 * @param trustedProxies  the issuer's trusted proxies, for the client's address
 * @param ciPolicy        for a CI job token (issue 17): the trust policy that matched, whose grant (read-only, path
 *                        prefixes, maximum age) is checked on every request; empty for other tokens
 */
public record TokenGrant(String issuerId, String clientId, String username, Optional<ClientMapping> mapping,
        List<String> scopes, long expiresAtMillis, long issuedAtMillis, List<AddressRange> trustedProxies,
        Optional<CiTrustPolicy> ciPolicy) {

    public TokenGrant {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(mapping, "mapping");
        scopes = List.copyOf(scopes);
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(ciPolicy, "ciPolicy");
    }

    /** The grant of a token issuer's token (issue 16). */
    public TokenGrant(String issuerId, String clientId, String username, Optional<ClientMapping> mapping,
            List<String> scopes, long expiresAtMillis, long issuedAtMillis, List<AddressRange> trustedProxies) {
        this(issuerId, clientId, username, mapping, scopes, expiresAtMillis, issuedAtMillis, trustedProxies,
                Optional.empty());
    }

    public boolean readOnly() {
        return mapping.isPresent() && mapping.get().readOnly() || ciPolicy.isPresent() && ciPolicy.get().readOnly();
    }
}
