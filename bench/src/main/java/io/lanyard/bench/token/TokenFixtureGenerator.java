package io.lanyard.bench.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes new benchmark keys and the two fixture ID tokens into a folder (normally
 * {@code bench/src/main/resources/fixtures}). Run only when the fixtures must change; figures measured on different
 * fixtures are not comparable.
 */
public final class TokenFixtureGenerator {

    private TokenFixtureGenerator() {
    }

    public static void main(String[] args) throws IOException, JOSEException {
        Path folder = Path.of(args.length > 0 ? args[0] : "bench/src/main/resources/fixtures");
        Files.createDirectories(folder);
        RSAKey rsa = new RSAKeyGenerator(2048).keyID(TokenFixtures.RSA_KEY_ID).keyUse(KeyUse.SIGNATURE).generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID(TokenFixtures.EC_KEY_ID).keyUse(KeyUse.SIGNATURE).generate();
        JWKSet keys = new JWKSet(List.of(rsa, ec));
        Files.writeString(folder.resolve("bench-keys.jwks.json"), keys.toString(false) + "\n", StandardCharsets.UTF_8);

        SignedJWT rs256 = new SignedJWT(TokenFixtures.standardHeader("RS256").build(),
                TokenFixtures.standardClaims().build());
        rs256.sign(new RSASSASigner(rsa));
        SignedJWT es256 = new SignedJWT(TokenFixtures.standardHeader("ES256").build(),
                TokenFixtures.standardClaims().build());
        es256.sign(new ECDSASigner(ec));
        Files.writeString(folder.resolve("id-token-rs256.jwt"), rs256.serialize() + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("id-token-es256.jwt"), es256.serialize() + "\n", StandardCharsets.UTF_8);
        System.out.println("Wrote keys and tokens (" + JWSAlgorithm.RS256 + ", " + JWSAlgorithm.ES256 + ") to " + folder);
    }
}
