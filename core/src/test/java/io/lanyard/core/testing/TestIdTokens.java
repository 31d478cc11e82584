package io.lanyard.core.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.opts.AllowWeakRSAKey;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds signed ID tokens for tests: valid by default for {@link #ISSUER}/{@link #CLIENT_ID}/{@link #NONCE} at
 * {@link MutableClock#START}; each test changes the one thing it is about.
 */
public final class TestIdTokens {

    public static final String ISSUER = "https://idp.example.com";
    public static final String CLIENT_ID = "lanyard-client";
    public static final String NONCE = "n-0S6_WzA2Mj";

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
    private JWK key = TestKeys.RSA;
    private String keyId;
    private boolean keyIdSet;
    private JOSEObjectType type;
    private byte[] hmacSecret;
    private JWK embeddedJwk;

    private TestIdTokens(Instant now) {
        claims.put("iss", ISSUER);
        claims.put("sub", "248289761001");
        claims.put("aud", List.of(CLIENT_ID));
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("nonce", NONCE);
        claims.put("preferred_username", "alice");
        claims.put("email", "alice@example.com");
    }

    public static TestIdTokens valid() {
        return new TestIdTokens(MutableClock.START);
    }

    public static TestIdTokens validAt(Instant now) {
        return new TestIdTokens(now);
    }

    /**
     * A valid logout token (Back-Channel Logout 1.0 §2.4) of the same provider and client: no nonce, the back-channel
     * logout event, a jti, a sid, a lifetime of two minutes, typed {@code logout+jwt}.
     */
    public static TestIdTokens logoutToken() {
        return logoutTokenAt(MutableClock.START);
    }

    /** {@link #logoutToken()} issued at {@code now}. */
    public static TestIdTokens logoutTokenAt(Instant now) {
        return new TestIdTokens(now).without("nonce").without("preferred_username").without("email")
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .claim("jti", "bWJq-" + java.util.UUID.randomUUID()).claim("sid", "08a5019c-17e1-4977-8f42-65a12843ea02")
                .expiresAt(now.plusSeconds(120)).type("logout+jwt");
    }

    public TestIdTokens claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public TestIdTokens without(String name) {
        claims.remove(name);
        return this;
    }

    public TestIdTokens audience(String... audiences) {
        claims.put("aud", List.of(audiences));
        return this;
    }

    public TestIdTokens expiresAt(Instant instant) {
        claims.put("exp", instant.getEpochSecond());
        return this;
    }

    public TestIdTokens issuedAt(Instant instant) {
        claims.put("iat", instant.getEpochSecond());
        return this;
    }

    public TestIdTokens signedWith(JWK signingKey, JWSAlgorithm alg) {
        this.key = signingKey;
        this.algorithm = alg;
        return this;
    }

    public TestIdTokens signedWithSecret(byte[] secret, JWSAlgorithm alg) {
        this.hmacSecret = secret;
        this.algorithm = alg;
        return this;
    }

    /** Overrides the header's kid; null removes it. */
    public TestIdTokens keyId(String value) {
        this.keyId = value;
        this.keyIdSet = true;
        return this;
    }

    public TestIdTokens type(String value) {
        this.type = new JOSEObjectType(value);
        return this;
    }

    /** Puts a public key in the header (the "jwk" header an attacker would use to supply their own key). */
    public TestIdTokens embeddedJwk(JWK publicKey) {
        this.embeddedJwk = publicKey;
        return this;
    }

    public String sign() {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm).type(type);
        String kid = keyIdSet ? keyId : (hmacSecret == null ? key.getKeyID() : null);
        if (kid != null) {
            header.keyID(kid);
        }
        if (embeddedJwk != null) {
            header.jwk(embeddedJwk.toPublicJWK());
        }
        SignedJWT jwt = new SignedJWT(header.build(), claimsSet());
        try {
            jwt.sign(signer());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private JWTClaimsSet claimsSet() {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach((name, value) -> builder.claim(name, value instanceof Instant i ? Date.from(i) : value));
        return builder.build();
    }

    private JWSSigner signer() throws JOSEException {
        if (hmacSecret != null) {
            return new MACSigner(hmacSecret);
        }
        if (key instanceof RSAKey rsa) {
            // weak keys allowed here so that tests can show Lanyard refusing them
            return new RSASSASigner(rsa, Set.of(AllowWeakRSAKey.getInstance()));
        }
        return new ECDSASigner((ECKey) key);
    }

    /** Signs any payload text with the test RSA key, so that only the JSON is wrong (Nimbus' builder would fix it). */
    public static String signJson(String payload) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestKeys.RSA.getKeyID()).build(),
                new Payload(payload));
        try {
            jws.sign(new RSASSASigner(TestKeys.RSA));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }
}
