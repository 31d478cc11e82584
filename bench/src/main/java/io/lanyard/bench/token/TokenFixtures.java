package io.lanyard.bench.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Date;

/**
 * The ID tokens every validator is measured on, and the keys that signed them: committed under
 * {@code src/main/resources/fixtures} (regenerate with {@link TokenFixtureGenerator}) so that every fork of every
 * benchmark verifies the very same bytes. The private keys exist only to sign benchmark tokens; nothing trusts them.
 *
 * <p>The token is what a Keycloak-like provider issues after a login: {@code typ JWT}, a {@code kid}, and the usual
 * claims of an authorization code flow with a nonce. It expires in 2100 so the fixture stays valid; no validator
 * measured here limits a token's lifetime, so the far expiry changes nothing they do.
 */
public final class TokenFixtures {

    public static final String ISSUER = "https://idp.example.com/realms/acme";
    public static final String CLIENT_ID = "lanyard-jira";
    public static final String NONCE = "qW3v0r5hQk1s9mB6dXcY2uL8tZpA4nFeJ7gR0iKwVbo";
    public static final String RSA_KEY_ID = "bench-rsa-2048";
    public static final String EC_KEY_ID = "bench-ec-p256";
    /** 2026-01-01T00:00:00Z. */
    static final long ISSUED_AT = 1_767_225_600L;
    /** 2100-01-01T00:00:00Z. */
    static final long EXPIRES_AT = 4_102_444_800L;

    private TokenFixtures() {
    }

    /** The committed token for {@code RS256} or {@code ES256}. */
    public static String idToken(String algorithm) {
        return resource("id-token-" + algorithm.toLowerCase(java.util.Locale.ROOT) + ".jwt").strip();
    }

    /** The provider's published key set: the public halves of both keys, as a JWKS endpoint serves them. */
    public static JWKSet publicKeys() {
        return Keys.ALL.toPublicJWKSet();
    }

    public static String publicKeysJson() {
        return publicKeys().toString();
    }

    public static JWK publicKey(String algorithm) {
        return publicKeys().getKeyByKeyId(keyIdFor(algorithm));
    }

    public static String keyIdFor(String algorithm) {
        return JWSAlgorithm.parse(algorithm).equals(JWSAlgorithm.RS256) ? RSA_KEY_ID : EC_KEY_ID;
    }

    /** The claims of the fixture tokens; the check matrix signs variations of them. */
    public static JWTClaimsSet.Builder standardClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("6f1c9e52-8a3b-4d2e-b7f0-3c5a1d9e8b24")
                .audience(CLIENT_ID)
                .expirationTime(new Date(EXPIRES_AT * 1000))
                .issueTime(new Date(ISSUED_AT * 1000))
                .claim("auth_time", ISSUED_AT - 5)
                .jwtID("0b5f7c1e-9d2a-4e83-a6b1-7c4d2e9f0a35")
                .claim("nonce", NONCE)
                .claim("azp", CLIENT_ID)
                .claim("sid", "4e2a7b9c-1d3f-4a5b-8c6d-0e9f1a2b3c4d")
                .claim("at_hash", "f3LzQ1mN8kP2vR7xT9wY4A")
                .claim("acr", "1")
                .claim("email_verified", true)
                .claim("name", "Alice Anderson")
                .claim("preferred_username", "alice")
                .claim("given_name", "Alice")
                .claim("family_name", "Anderson")
                .claim("email", "alice@example.com");
    }

    /** The fixture header for an algorithm: {@code typ JWT} and the key's {@code kid}. */
    public static JWSHeader.Builder standardHeader(String algorithm) {
        return new JWSHeader.Builder(JWSAlgorithm.parse(algorithm)).type(JOSEObjectType.JWT).keyID(keyIdFor(algorithm));
    }

    /** Signs with the fixture key for the header's algorithm family. */
    public static String sign(JWSHeader header, JWTClaimsSet claims) {
        try {
            JWSSigner signer = JWSAlgorithm.Family.EC.contains(header.getAlgorithm())
                    ? new ECDSASigner((ECKey) Keys.ALL.getKeyByKeyId(EC_KEY_ID))
                    : new RSASSASigner((RSAKey) Keys.ALL.getKeyByKeyId(RSA_KEY_ID));
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a fixture token", e);
        }
    }

    static String resource(String name) {
        try (InputStream in = TokenFixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name + " (run TokenFixtureGenerator)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loaded on first use, so that the generator can run before the fixtures exist. */
    private static final class Keys {
        static final JWKSet ALL = parse(resource("bench-keys.jwks.json"));

        private Keys() {
        }

        private static JWKSet parse(String json) {
            try {
                return JWKSet.parse(json);
            } catch (ParseException e) {
                throw new IllegalStateException("invalid fixture key set", e);
            }
        }
    }
}
