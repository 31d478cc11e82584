package io.lanyard.bench.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Which validator refuses what: each validator, configured exactly as in the benchmark (RS256, the fixture issuer,
 * client id and nonce), is handed the fixture token with one rule of OIDC Core §3.1.3.7 (and Lanyard's rules in
 * oidc-rp-rules.md) broken. Prints a Markdown table. Not timed; shows what each benchmarked validator does for its
 * time, so the throughput comparison is read with it.
 */
public final class CheckMatrix {

    private CheckMatrix() {
    }

    public static void main(String[] args) throws Exception {
        Instant now = Instant.now();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("valid token (control: every validator must accept)", TokenFixtures.idToken("RS256"));
        cases.put("`iss` of another issuer", signed(c -> c.issuer("https://evil.example.com")));
        cases.put("`aud` without our client id", signed(c -> c.audience("another-client").claim("azp", null)));
        cases.put("extra untrusted audience in `aud`", signed(c -> c.audience(List.of(TokenFixtures.CLIENT_ID, "other-api"))));
        cases.put("several audiences, no `azp`", signed(c -> c.audience(List.of(TokenFixtures.CLIENT_ID, "other-api"))
                .claim("azp", null)));
        cases.put("`azp` of another client", signed(c -> c.claim("azp", "another-client")));
        cases.put("expired (`exp` 1 h ago)", signed(c -> c.expirationTime(Date.from(now.minusSeconds(3600)))));
        cases.put("`exp` missing", signed(c -> c.expirationTime(null)));
        cases.put("`iat` missing", signed(c -> c.issueTime(null)));
        cases.put("`iat` 1 h in the future", signed(c -> c.issueTime(Date.from(now.plusSeconds(3600)))));
        cases.put("`nbf` 1 h in the future", signed(c -> c.notBeforeTime(Date.from(now.plusSeconds(3600)))));
        cases.put("`sub` missing", signed(c -> c.subject(null)));
        cases.put("`nonce` missing", signed(c -> c.claim("nonce", null)));
        cases.put("`nonce` of another login", signed(c -> c.claim("nonce", "another-login-nonce")));
        cases.put("`typ: at+jwt` (an access token)", TokenFixtures.sign(TokenFixtures.standardHeader("RS256")
                .type(new JOSEObjectType("at+jwt")).build(), TokenFixtures.standardClaims().build()));
        cases.put("`alg: none` (unsigned)", unsigned());
        cases.put("ES256 with the provider's EC key, only RS256 allowed", TokenFixtures.idToken("ES256"));
        cases.put("signed by another key with the provider's `kid`", signedByAnotherKey());

        LocalJwksEndpoint jwks = new LocalJwksEndpoint(TokenFixtures.publicKeysJson());
        Map<String, IdTokenCheck> validators = new LinkedHashMap<>();
        validators.put("raw JDK signature (floor)", Validators.rawJdkSignature("RS256"));
        validators.put("Lanyard", Validators.lanyard("RS256", jwks.uri()));
        validators.put("Nimbus", Validators.nimbus("RS256"));
        validators.put("Spring Security", Validators.spring("RS256"));
        validators.put("pac4j", Validators.pac4j("RS256"));

        StringBuilder md = new StringBuilder("| token (RS256 configured) | ")
                .append(String.join(" | ", validators.keySet())).append(" |\n| --- |");
        md.append(" :---: |".repeat(validators.size())).append('\n');
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            md.append("| ").append(entry.getKey()).append(" |");
            for (IdTokenCheck validator : validators.values()) {
                md.append(' ').append(outcome(validator, entry.getValue())).append(" |");
            }
            md.append('\n');
        }
        jwks.close();
        System.out.print(md);
    }

    private static String outcome(IdTokenCheck validator, String token) {
        try {
            validator.validate(token);
            return "accepts";
        } catch (Exception | Error e) {
            return "refuses";
        }
    }

    private static String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        return TokenFixtures.sign(TokenFixtures.standardHeader("RS256").build(),
                change.apply(TokenFixtures.standardClaims()).build());
    }

    private static String unsigned() {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        return header + "." + TokenFixtures.standardClaims().build().toPayload().toBase64URL() + ".";
    }

    private static String signedByAnotherKey() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID(TokenFixtures.RSA_KEY_ID).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(TokenFixtures.RSA_KEY_ID).build(), TokenFixtures.standardClaims().build());
        jwt.sign(new RSASSASigner(other));
        return jwt.serialize();
    }
}
