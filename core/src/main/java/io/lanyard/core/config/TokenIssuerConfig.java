package io.lanyard.core.config;

import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One issuer of OAuth 2.0 access tokens that scripts and other servers present to the REST API ("API access"),
 * validated and immutable: how its tokens are checked, what they must say, and which clients act as which account.
 *
 * @param id                    12 lower-case letters and digits; part of the secret's name, never changes
 * @param displayName           shown to administrators
 * @param enabled               a disabled issuer's tokens are not Lanyard's: they pass untouched
 * @param issuer                the tokens' {@code iss}, compared exactly
 * @param tokenCheck            locally as JWTs (RFC 9068), through introspection (RFC 7662), or both
 * @param acceptJwtType         also accept {@code typ: JWT} (Microsoft Entra ID and others), not only {@code at+jwt}
 * @param jwksUri               the issuer's keys, for local checks
 * @param introspectionEndpoint for opaque tokens
 * @param tokenEndpoint         where "Test" fetches a token by client credentials
 * @param clientId              Lanyard's client at the issuer, for introspection and "Test"
 * @param clientSecret          its secret, resolved like every other client secret
 * @param nextClientSecret      the next secret of a rotation ({@code CLIENT_SECRET_NEXT}), or none
 * @param clientSecretExpiresOn when the current secret expires, as entered
 * @param audience              what {@code aud} must contain
 * @param requiredScopes        scopes a token must carry
 * @param allScopesRequired     all of {@code requiredScopes}, or any one of them
 * @param clockSkew             tolerance for {@code exp}, {@code nbf}, {@code iat}
 * @param introspectionCacheTime how long an active introspection answer is reused at most (never past {@code exp})
 * @param opaqueTokenPaths      path prefixes on which a token that is not a JWT is sent to introspection
 * @param serviceAccountDirectory where missing service accounts are created; empty: the host's first writable one
 * @param clientMappings        client-credentials clients and their service accounts
 * @param delegatedUserClaim    for tokens issued to a user: the claim naming an existing account; empty: refused
 * @param trustedProxies        proxies in front of the product whose {@code X-Forwarded-For} is believed
 */
public record TokenIssuerConfig(
        String id,
        String displayName,
        boolean enabled,
        String issuer,
        TokenCheck tokenCheck,
        boolean acceptJwtType,
        Optional<URI> jwksUri,
        Optional<URI> introspectionEndpoint,
        Optional<URI> tokenEndpoint,
        String clientId,
        StoredSecret clientSecret,
        StoredSecret nextClientSecret,
        Optional<LocalDate> clientSecretExpiresOn,
        String audience,
        List<String> requiredScopes,
        boolean allScopesRequired,
        Duration clockSkew,
        Duration introspectionCacheTime,
        List<String> opaqueTokenPaths,
        Optional<String> serviceAccountDirectory,
        List<ClientMapping> clientMappings,
        Optional<String> delegatedUserClaim,
        List<AddressRange> trustedProxies) implements Integration {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_INTROSPECTION_CACHE_TIME = Duration.ofSeconds(60);

    /** How an issuer's tokens are checked. */
    public enum TokenCheck {
        /** Locally: JWT access tokens (RFC 9068) verified with the issuer's keys. */
        JWT,
        /** Remotely: every token through the introspection endpoint (RFC 7662). */
        INTROSPECTION,
        /** Locally when the token is a JWT, through introspection otherwise. */
        BOTH;

        public boolean local() {
            return this != INTROSPECTION;
        }

        public boolean remote() {
            return this != JWT;
        }
    }

    public TokenIssuerConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(tokenCheck, "tokenCheck");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(introspectionEndpoint, "introspectionEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(nextClientSecret, "nextClientSecret");
        Objects.requireNonNull(clientSecretExpiresOn, "clientSecretExpiresOn");
        Objects.requireNonNull(audience, "audience");
        requiredScopes = List.copyOf(requiredScopes);
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(introspectionCacheTime, "introspectionCacheTime");
        opaqueTokenPaths = List.copyOf(opaqueTokenPaths);
        Objects.requireNonNull(serviceAccountDirectory, "serviceAccountDirectory");
        clientMappings = List.copyOf(clientMappings);
        Objects.requireNonNull(delegatedUserClaim, "delegatedUserClaim");
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** A builder for an issuer that exists already: its id must be given. */
    public static TokenIssuerConfigBuilder builder() {
        return new TokenIssuerConfigBuilder(null);
    }

    /** A builder for a new issuer, with a newly generated id that cannot be changed. */
    public static TokenIssuerConfigBuilder newIssuer() {
        return new TokenIssuerConfigBuilder(IdGenerator.newConnectorId());
    }

    public TokenIssuerConfigBuilder toBuilder() {
        return TokenIssuerConfigBuilder.from(this);
    }

    /** The mapping of the client {@code clientId}, if it is on the allow-list. */
    public Optional<ClientMapping> mappingFor(String clientId) {
        for (ClientMapping mapping : clientMappings) {
            if (mapping.clientId().equals(clientId)) {
                return Optional.of(mapping);
            }
        }
        return Optional.empty();
    }

    /** Whether an opaque token on {@code path} is this issuer's to introspect. */
    public boolean introspectsOpaqueTokensOn(String path) {
        if (!tokenCheck.remote()) {
            return false;
        }
        for (String prefix : opaqueTokenPaths) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "TokenIssuerConfig[id=" + id + ", displayName=" + displayName + ", enabled=" + enabled + ", issuer="
                + issuer + ", tokenCheck=" + tokenCheck + ", clientId=" + clientId + ", clientSecret=" + clientSecret
                + ", nextClientSecret=" + nextClientSecret + ", audience=" + audience + ", clients=" + clientMappings.size() + "]";
    }
}
