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
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.token.TokenRejectedException;
import io.lanyard.core.token.ValidationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;

/**
 * Which validator refuses what: each validator, configured exactly as in the benchmark (RS256, the fixture issuer,
 * client id and nonce), is handed the fixture token with one rule of OIDC Core §3.1.3.7 (and Lanyard's rules in
 * oidc-rp-rules.md) broken. Prints a Markdown table. Not timed; shows what each benchmarked validator does for its
 * time, so the throughput comparison is read with it.
 *
 * <p>It also checks what it shows, and exits with status 1 (listing why) when a check fails: every validator must
 * accept the valid control token (a validator that refuses it would be measured doing something else), and Lanyard
 * must refuse every other row for the rule the row breaks, that rule's error code among the reasons it reports. The
 * peers' refusals are shown, not judged. {@code CheckMatrixTest} runs the same checks in {@code mvn verify}.
 */
public final class CheckMatrix {

    static final String LANYARD = "Lanyard";

    /**
     * One token of the matrix.
     *
     * @param lanyardRefusal the code Lanyard must refuse it with; empty for the control, which everyone must accept
     */
    record Case(String description, String token, Optional<ErrorCode> lanyardRefusal) {
    }

    /** The table and what broke the checks (nothing, when all is as it should be). */
    record Result(String markdown, List<String> violations) {
    }

    private CheckMatrix() {
    }

    public static void main(String[] args) throws Exception {
        Result result;
        try (LocalJwksEndpoint jwks = new LocalJwksEndpoint(TokenFixtures.publicKeysJson())) {
            result = run(cases(Instant.now()), validators(jwks));
        }
        System.out.print(result.markdown());
        if (!result.violations().isEmpty()) {
            System.err.println("The check matrix does not hold:");
            result.violations().forEach(violation -> System.err.println("  " + violation));
            System.exit(1);
        }
    }

    /** The benchmark's validators, in the table's column order; Lanyard's keys from {@code jwks}. */
    static Map<String, IdTokenCheck> validators(LocalJwksEndpoint jwks) throws Exception {
        Map<String, IdTokenCheck> validators = new LinkedHashMap<>();
        validators.put("raw JDK signature (floor)", Validators.rawJdkSignature("RS256"));
        validators.put(LANYARD, Validators.lanyard("RS256", jwks.uri()));
        validators.put("Nimbus", Validators.nimbus("RS256"));
        validators.put("Spring Security", Validators.spring("RS256"));
        validators.put("pac4j", Validators.pac4j("RS256"));
        return validators;
    }

    static List<Case> cases(Instant now) throws Exception {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("valid token (control: every validator must accept)", TokenFixtures.idToken("RS256"),
                Optional.empty()));
        cases.add(refused("`iss` of another issuer", signed(c -> c.issuer("https://evil.example.com")),
                ErrorCode.ID_TOKEN_ISSUER_MISMATCH));
        cases.add(refused("`aud` without our client id", signed(c -> c.audience("another-client").claim("azp", null)),
                ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH));
        cases.add(refused("extra untrusted audience in `aud`",
                signed(c -> c.audience(List.of(TokenFixtures.CLIENT_ID, "other-api"))), ErrorCode.ID_TOKEN_UNTRUSTED_AUDIENCE));
        cases.add(refused("several audiences, no `azp`", signed(c -> c.audience(List.of(TokenFixtures.CLIENT_ID, "other-api"))
                .claim("azp", null)), ErrorCode.ID_TOKEN_AZP_MISMATCH));
        cases.add(refused("`azp` of another client", signed(c -> c.claim("azp", "another-client")),
                ErrorCode.ID_TOKEN_AZP_MISMATCH));
        cases.add(refused("expired (`exp` 1 h ago)", signed(c -> c.expirationTime(Date.from(now.minusSeconds(3600)))),
                ErrorCode.ID_TOKEN_EXPIRED));
        cases.add(refused("`exp` missing", signed(c -> c.expirationTime(null)), ErrorCode.ID_TOKEN_EXPIRY_MISSING));
        cases.add(refused("`iat` missing", signed(c -> c.issueTime(null)), ErrorCode.ID_TOKEN_ISSUED_AT_MISSING));
        cases.add(refused("`iat` 1 h in the future", signed(c -> c.issueTime(Date.from(now.plusSeconds(3600)))),
                ErrorCode.ID_TOKEN_ISSUED_IN_FUTURE));
        cases.add(refused("`nbf` 1 h in the future", signed(c -> c.notBeforeTime(Date.from(now.plusSeconds(3600)))),
                ErrorCode.ID_TOKEN_NOT_YET_VALID));
        cases.add(refused("`sub` missing", signed(c -> c.subject(null)), ErrorCode.ID_TOKEN_SUBJECT_MISSING));
        cases.add(refused("`sub` a number, not a string", signed(c -> c.claim("sub", 248289761001L)),
                ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID));
        cases.add(refused("`nonce` missing", signed(c -> c.claim("nonce", null)), ErrorCode.ID_TOKEN_NONCE_MISSING));
        cases.add(refused("`nonce` of another login", signed(c -> c.claim("nonce", "another-login-nonce")),
                ErrorCode.ID_TOKEN_NONCE_MISMATCH));
        cases.add(refused("`typ: at+jwt` (an access token)", TokenFixtures.sign(TokenFixtures.standardHeader("RS256")
                .type(new JOSEObjectType("at+jwt")).build(), TokenFixtures.standardClaims().build()),
                ErrorCode.ID_TOKEN_TYPE_REJECTED));
        cases.add(refused("`alg: none` (unsigned)", unsigned(), ErrorCode.ID_TOKEN_ALGORITHM_REJECTED));
        cases.add(refused("ES256 with the provider's EC key, only RS256 allowed", TokenFixtures.idToken("ES256"),
                ErrorCode.ID_TOKEN_ALGORITHM_REJECTED));
        cases.add(refused("signed by another key with the provider's `kid`", signedByAnotherKey(),
                ErrorCode.ID_TOKEN_SIGNATURE_INVALID));
        return cases;
    }

    private static Case refused(String description, String token, ErrorCode code) {
        return new Case(description, token, Optional.of(code));
    }

    /** Hands every case to every validator; the validator named {@link #LANYARD}, if any, is held to its codes. */
    static Result run(List<Case> cases, Map<String, IdTokenCheck> validators) {
        List<String> violations = new ArrayList<>();
        StringBuilder md = new StringBuilder("| token (RS256 configured) | ")
                .append(String.join(" | ", validators.keySet())).append(" |\n| --- |");
        md.append(" :---: |".repeat(validators.size())).append('\n');
        for (Case row : cases) {
            md.append("| ").append(row.description()).append(" |");
            for (Map.Entry<String, IdTokenCheck> validator : validators.entrySet()) {
                Optional<Throwable> refusal = refusal(validator.getValue(), row.token());
                md.append(' ').append(cell(validator.getKey(), refusal)).append(" |");
                check(row, validator.getKey(), refusal).ifPresent(violations::add);
            }
            md.append('\n');
        }
        return new Result(md.toString(), List.copyOf(violations));
    }

    private static Optional<Throwable> refusal(IdTokenCheck validator, String token) {
        try {
            validator.validate(token);
            return Optional.empty();
        } catch (Exception | Error e) {
            return Optional.of(e);
        }
    }

    private static String cell(String validator, Optional<Throwable> refusal) {
        if (refusal.isEmpty()) {
            return "accepts";
        }
        List<ErrorCode> codes = codes(refusal.get());
        return LANYARD.equals(validator) && !codes.isEmpty()
                ? "refuses " + codes.stream().map(code -> "`" + code.code() + "`").collect(Collectors.joining(", "))
                : "refuses";
    }

    private static Optional<String> check(Case row, String validator, Optional<Throwable> refusal) {
        if (row.lanyardRefusal().isEmpty()) {
            return refusal.map(e -> validator + " refuses the valid control token: " + e);
        }
        if (!LANYARD.equals(validator)) {
            return Optional.empty();
        }
        ErrorCode expected = row.lanyardRefusal().get();
        if (refusal.isEmpty()) {
            return Optional.of("Lanyard accepts \"" + row.description() + "\"; expected " + expected.code());
        }
        List<ErrorCode> codes = codes(refusal.get());
        if (!codes.contains(expected)) {
            return Optional.of("Lanyard refuses \"" + row.description() + "\" with " + refusal.get() + "; expected "
                    + expected.code() + " among its reasons");
        }
        return Optional.empty();
    }

    /** Lanyard's codes for a refusal, every rule it reports; none for anything that is not Lanyard's refusal. */
    private static List<ErrorCode> codes(Throwable refusal) {
        if (refusal instanceof TokenRejectedException rejected) {
            return rejected.failures().stream().map(ValidationFailure::code).toList();
        }
        if (refusal instanceof LanyardException lanyard) {
            return List.of(lanyard.errorCode());
        }
        return List.of();
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
