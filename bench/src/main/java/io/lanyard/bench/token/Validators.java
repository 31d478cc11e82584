package io.lanyard.bench.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.keys.JwksSource;
import io.lanyard.core.token.IdTokenExpectations;
import io.lanyard.core.token.IdTokenValidator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pac4j.oidc.config.OidcConfiguration;
import org.pac4j.oidc.profile.creator.TokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Every validator measured, each set up the way its library is used after a login's code exchange: keys held in
 * memory, issuer, client id, clock skew (60 s) and, where the library checks it, the login's nonce. Each takes the
 * raw token string, so parsing is part of what is measured for all of them.
 */
public final class Validators {

    /** Lanyard's default and the skew every peer is given. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private Validators() {
    }

    /**
     * Lanyard's {@link IdTokenValidator} as {@code LoginService} runs it: keys from a {@link JwksSource} that fetched
     * the provider's key set once (over loopback HTTP, before the measurement) and holds it.
     */
    public static IdTokenCheck lanyard(String algorithm, URI jwksUri) {
        return lanyard(algorithm, jwksUri, TokenFixtures.NONCE);
    }

    public static IdTokenCheck lanyard(String algorithm, URI jwksUri, String nonce) {
        IdTokenValidator validator = new IdTokenValidator(Clock.systemUTC());
        IdTokenExpectations expected = new IdTokenExpectations(TokenFixtures.ISSUER, TokenFixtures.CLIENT_ID, Set.of(),
                nonce, Set.of(algorithm), CLOCK_SKEW, Optional.empty(), List.of(), Optional.empty());
        JwksSource keys = new JwksSource(jwksUri, new ProviderHttpClient(HttpLimits.DEFAULT), Clock.systemUTC());
        return raw -> validator.validate(raw, expected, keys);
    }

    /**
     * The floor: find the signature, base64url-decode it, verify it over the signing input with the JDK, with a
     * {@link Signature} initialised once. No header, no claims, no checks. Not thread-safe (one per thread).
     */
    public static IdTokenCheck rawJdkSignature(String algorithm) throws GeneralSecurityException {
        JWK jwk = TokenFixtures.publicKey(algorithm);
        boolean rsa = JWSAlgorithm.RS256.getName().equals(algorithm);
        PublicKey key;
        try {
            key = rsa ? ((RSAKey) jwk).toRSAPublicKey() : ((ECKey) jwk).toECPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new GeneralSecurityException(e);
        }
        // JWS ES256 signatures are R || S (IEEE P1363), not DER.
        Signature signature = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
        signature.initVerify(key);
        return raw -> {
            int firstDot = raw.indexOf('.');
            int lastDot = raw.lastIndexOf('.');
            if (firstDot < 0 || firstDot == lastDot) {
                throw new SignatureException("not a JWS compact serialisation");
            }
            byte[] signatureBytes = Base64.getUrlDecoder().decode(raw.substring(lastDot + 1));
            signature.update(raw.getBytes(StandardCharsets.US_ASCII), 0, lastDot);
            if (!signature.verify(signatureBytes)) {
                throw new SignatureException("signature does not verify");
            }
            return Boolean.TRUE;
        };
    }

    /** Nimbus OAuth 2.0 SDK's {@link IDTokenValidator} with the key set held in memory ({@link ImmutableJWKSet}). */
    public static IdTokenCheck nimbus(String algorithm) {
        return nimbus(algorithm, TokenFixtures.NONCE);
    }

    public static IdTokenCheck nimbus(String algorithm, String nonce) {
        IDTokenValidator validator = new IDTokenValidator(new Issuer(TokenFixtures.ISSUER),
                new ClientID(TokenFixtures.CLIENT_ID), JWSAlgorithm.parse(algorithm), TokenFixtures.publicKeys());
        validator.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        Nonce expectedNonce = new Nonce(nonce);
        return raw -> validator.validate(JWTParser.parse(raw), expectedNonce);
    }

    /**
     * Spring Security as its OIDC login configures it ({@code OidcIdTokenDecoderFactory}): a {@link NimbusJwtDecoder}
     * for the algorithm, the default claim type conversion, {@link JwtTimestampValidator} and
     * {@link OidcIdTokenValidator}; plus the nonce comparison that Spring's
     * {@code OidcAuthorizationCodeAuthenticationProvider} makes after decoding, here as a claim validator. Keys
     * held in memory ({@link ImmutableJWKSet} instead of the JWK set URI).
     */
    public static IdTokenCheck spring(String algorithm) {
        return spring(algorithm, TokenFixtures.NONCE);
    }

    public static IdTokenCheck spring(String algorithm, String nonce) {
        JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(TokenFixtures.publicKeys());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.from(algorithm))
                .build();
        ClientRegistration registration = ClientRegistration.withRegistrationId("bench")
                .clientId(TokenFixtures.CLIENT_ID)
                .clientSecret("bench-client-secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(TokenFixtures.ISSUER + "/protocol/openid-connect/auth")
                .tokenUri(TokenFixtures.ISSUER + "/protocol/openid-connect/token")
                .jwkSetUri(TokenFixtures.ISSUER + "/protocol/openid-connect/certs")
                .issuerUri(TokenFixtures.ISSUER)
                .userNameAttributeName("sub")
                .build();
        OidcIdTokenValidator idTokenValidator = new OidcIdTokenValidator(registration);
        idTokenValidator.setClockSkew(CLOCK_SKEW);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(CLOCK_SKEW),
                idTokenValidator,
                new JwtClaimValidator<String>("nonce", nonce::equals)));
        decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
        return raw -> {
            Jwt jwt = decoder.decode(raw);
            return new OidcIdToken(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaims());
        };
    }

    /**
     * pac4j-oidc's {@link TokenValidator}, built from provider metadata that announces RS256 and ES256 with the
     * client's algorithm chosen, as {@code OidcProfileCreator} uses it. Its keys come from the JWK set URI through
     * Nimbus's caching {@code JWKSourceBuilder}; the resource retriever answers from memory, and the first
     * validation (before the measurement) fills the cache.
     */
    public static IdTokenCheck pac4j(String algorithm) {
        return pac4j(algorithm, TokenFixtures.NONCE);
    }

    public static IdTokenCheck pac4j(String algorithm, String nonce) {
        String keysJson = TokenFixtures.publicKeysJson();
        OidcConfiguration configuration = new OidcConfiguration();
        configuration.setClientId(TokenFixtures.CLIENT_ID);
        configuration.setSecret("bench-client-secret");
        configuration.setIdTokenSigningAlgorithm(JWSAlgorithm.parse(algorithm));
        configuration.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        configuration.setResourceRetriever(url -> new Resource(keysJson, "application/json"));
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(TokenFixtures.ISSUER),
                List.of(SubjectType.PUBLIC), URI.create(TokenFixtures.ISSUER + "/protocol/openid-connect/certs"));
        metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256));
        TokenValidator validator = new TokenValidator(configuration, metadata);
        Nonce expectedNonce = new Nonce(nonce);
        return raw -> validator.validateIdToken(JWTParser.parse(raw), expectedNonce);
    }
}
