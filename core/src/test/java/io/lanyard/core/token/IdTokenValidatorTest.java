package io.lanyard.core.token;

import static io.lanyard.core.testing.TestIdTokens.CLIENT_ID;
import static io.lanyard.core.testing.TestIdTokens.ISSUER;
import static io.lanyard.core.testing.TestIdTokens.NONCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeySource;
import io.lanyard.core.keys.VerificationKeys;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.testing.MutableClock;
import io.lanyard.core.testing.TestIdTokens;
import io.lanyard.core.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per rule of OIDC Core 1.0 §3.1.3.7 and oidc-rp-rules.md, each asserting the stable error code. */
class IdTokenValidatorTest {

    private static final Secret CLIENT_SECRET = Secret.of("a-client-secret-long-enough-for-hs256-0123456789");

    private final MutableClock clock = new MutableClock();
    private final IdTokenValidator validator = new IdTokenValidator(clock);
    private KeySource keys = keysOf(TestKeys.RSA, TestKeys.EC);
    private Set<String> allowed = Set.of("RS256");
    private Set<String> trustedAudiences = Set.of();
    private Optional<Duration> maxAge = Optional.empty();
    private List<String> acrValues = List.of();

    private static KeySource keysOf(JWK... jwks) {
        VerificationKeys set = VerificationKeys.from(new JWKSet(List.of(jwks)), "test");
        return set::candidatesFor;
    }

    private IdTokenExpectations expectations() {
        return new IdTokenExpectations(ISSUER, CLIENT_ID, trustedAudiences, NONCE, allowed, Duration.ofSeconds(60),
                maxAge, acrValues, Optional.of(CLIENT_SECRET));
    }

    private ValidatedIdToken validate(TestIdTokens token) {
        return validator.validate(token.sign(), expectations(), keys);
    }

    private void assertRejected(TestIdTokens token, ErrorCode expected) {
        assertRejected(token.sign(), expected);
    }

    private void assertRejected(String raw, ErrorCode expected) {
        assertThatThrownBy(() -> validator.validate(raw, expectations(), keys))
                .isInstanceOf(TokenRejectedException.class)
                .satisfies(e -> assertThat(((TokenRejectedException) e).failures())
                        .extracting(ValidationFailure::code).contains(expected))
                .extracting(e -> ((TokenRejectedException) e).errorCode()).isEqualTo(expected);
    }

    @Test
    void validateWhenTokenIsValidThenReturnsItsClaims() {
        ValidatedIdToken token = validate(TestIdTokens.valid());

        assertThat(token.subject()).isEqualTo("248289761001");
        assertThat(token.claims().getClaim("preferred_username")).isEqualTo("alice");
    }

    @Test
    void validateWhenEs256AllowedThenAcceptsEcSignature() {
        allowed = Set.of("RS256", "ES256");

        assertThat(validate(TestIdTokens.valid().signedWith(TestKeys.EC, JWSAlgorithm.ES256)).subject()).isNotBlank();
    }

    @Test
    void validateWhenPs256AllowedThenAcceptsRsaPssSignature() {
        allowed = Set.of("PS256");

        assertThat(validate(TestIdTokens.valid().signedWith(TestKeys.RSA, JWSAlgorithm.PS256)).subject()).isNotBlank();
    }

    // --- signature and algorithm (steps 6 to 8) ---

    @Test
    void validateWhenUnsignedAlgNoneThenRejected() {
        String header = Base64URL.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)).toString();
        String payload = Base64URL.encode(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"x\",\"aud\":\"" + CLIENT_ID
                + "\",\"exp\":9999999999,\"iat\":1,\"nonce\":\"" + NONCE + "\"}").getBytes(StandardCharsets.UTF_8)).toString();

        assertRejected(header + "." + payload + ".", ErrorCode.ID_TOKEN_ALGORITHM_REJECTED);
    }

    @Test
    void validateWhenAlgorithmNotAllowedThenRejected() {
        assertRejected(TestIdTokens.valid().signedWith(TestKeys.EC, JWSAlgorithm.ES256), ErrorCode.ID_TOKEN_ALGORITHM_REJECTED);
    }

    @Test
    void validateWhenHmacNotAllowedThenRejected() {
        assertRejected(TestIdTokens.valid().signedWithSecret(CLIENT_SECRET.revealBytes(), JWSAlgorithm.HS256),
                ErrorCode.ID_TOKEN_ALGORITHM_REJECTED);
    }

    @Test
    void validateWhenHmacAllowedAndSignedWithClientSecretThenAccepted() {
        allowed = Set.of("HS256");

        assertThat(validate(TestIdTokens.valid().signedWithSecret(CLIENT_SECRET.revealBytes(), JWSAlgorithm.HS256))
                .subject()).isNotBlank();
    }

    @Test
    void validateWhenHmacKeyedWithProvidersPublicRsaKeyThenRejected() throws Exception {
        allowed = Set.of("RS256", "HS256");
        byte[] publicKeyAsSecret = TestKeys.RSA.toRSAPublicKey().getEncoded();

        assertRejected(TestIdTokens.valid().signedWithSecret(publicKeyAsSecret, JWSAlgorithm.HS256),
                ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void validateWhenKeyIdUnknownThenRejected() {
        assertRejected(TestIdTokens.valid().keyId("no-such-key"), ErrorCode.ID_TOKEN_KEY_NOT_FOUND);
    }

    @Test
    void validateWhenSignedByAnotherKeyUnderTheSameKeyIdThenRejected() {
        RSAKey impostor = new RSAKey.Builder(TestKeys.OTHER_RSA).keyID(TestKeys.RSA.getKeyID()).build();

        assertRejected(TestIdTokens.valid().signedWith(impostor, JWSAlgorithm.RS256), ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void validateWhenPayloadSwappedUnderAValidSignatureThenRejected() {
        String[] genuine = TestIdTokens.valid().sign().split("\\.");
        String forgedPayload = TestIdTokens.valid().claim("sub", "admin").sign().split("\\.")[1];

        assertRejected(genuine[0] + "." + forgedPayload + "." + genuine[2], ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void validateWhenNoKeyIdAndSingleKeyThenAcceptedIfThatKeyVerifies() {
        keys = keysOf(TestKeys.RSA);

        assertThat(validate(TestIdTokens.valid().keyId(null)).subject()).isNotBlank();
    }

    @Test
    void validateWhenNoKeyIdAndSeveralKeysThenTriesEachSuitableKey() {
        keys = keysOf(TestKeys.OTHER_RSA, TestKeys.RSA);

        assertThat(validate(TestIdTokens.valid().keyId(null)).subject()).isNotBlank();
    }

    @Test
    void validateWhenNoKeyIdAndNoKeyVerifiesThenRejected() {
        keys = keysOf(TestKeys.OTHER_RSA, TestKeys.EC);

        assertRejected(TestIdTokens.valid().keyId(null), ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void validateWhenHeaderEmbedsAttackersOwnKeyThenThatKeyIsIgnored() {
        RSAKey attacker = TestKeys.OTHER_RSA;

        assertRejected(TestIdTokens.valid().signedWith(attacker, JWSAlgorithm.RS256).keyId(null).embeddedJwk(attacker),
                ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void validateWhenKeyIsForEncryptionOnlyThenNotUsedForSignatures() {
        keys = keysOf(new RSAKey.Builder(TestKeys.RSA.toPublicJWK()).keyUse(KeyUse.ENCRYPTION).build());

        assertRejected(TestIdTokens.valid(), ErrorCode.ID_TOKEN_KEY_NOT_FOUND);
    }

    @Test
    void validateWhenKeyTooWeakThenNotUsed() {
        RSAKey weak = TestKeys.rsa("weak", 1024);
        keys = keysOf(weak);

        assertRejected(TestIdTokens.valid().signedWith(weak, JWSAlgorithm.RS256), ErrorCode.ID_TOKEN_KEY_NOT_FOUND);
    }

    @Test
    void validateWhenNotAJwtThenRejectedAsMalformed() {
        assertRejected("not-a-token", ErrorCode.ID_TOKEN_MALFORMED);
    }

    @Test
    void validateWhenEncryptedThenRejectedAsMalformed() {
        String header = Base64URL.encode("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}".getBytes(StandardCharsets.UTF_8))
                .toString();

        assertRejected(header + ".a2V5.aXY.Y2lwaGVy.dGFn", ErrorCode.ID_TOKEN_MALFORMED);
    }

    @Test
    void validateWhenSignedPayloadIsNotBase64UrlThenRejectedAsMalformed() throws Exception {
        // '+' and '/' belong to plain base64, not to base64url; the signature over them is genuine.
        assertRejected(signedOverRawParts("{\"alg\":\"RS256\",\"kid\":\"" + TestKeys.RSA.getKeyID() + "\"}",
                "eyJzdWIiOiJ+/"), ErrorCode.ID_TOKEN_MALFORMED);
    }

    @Test
    void validateWhenSignedPayloadIsNotAJsonObjectThenRejectedAsMalformed() throws Exception {
        assertRejected(signedOverRawParts("{\"alg\":\"RS256\",\"kid\":\"" + TestKeys.RSA.getKeyID() + "\"}",
                Base64URL.encode("[\"not\",\"claims\"]".getBytes(StandardCharsets.UTF_8)).toString()),
                ErrorCode.ID_TOKEN_MALFORMED);
    }

    /** A token whose payload part is taken as given, with a valid RS256 signature over header and that part. */
    private static String signedOverRawParts(String headerJson, String payloadPart) throws Exception {
        String signingInput = Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + payloadPart;
        Base64URL signature = new RSASSASigner(TestKeys.RSA).sign(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestKeys.RSA.getKeyID()).build(),
                signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + signature;
    }

    @Test
    void validateWhenTypedAsLogoutTokenThenRejected() {
        assertRejected(TestIdTokens.valid().type("logout+jwt"), ErrorCode.ID_TOKEN_TYPE_REJECTED);
    }

    @Test
    void validateWhenTypedAsAccessTokenThenRejected() {
        assertRejected(TestIdTokens.valid().type("at+jwt"), ErrorCode.ID_TOKEN_TYPE_REJECTED);
    }

    // --- issuer (step 2) ---

    @Test
    void validateWhenIssuerDiffersThenRejected() {
        assertRejected(TestIdTokens.valid().claim("iss", "https://evil.example.com"), ErrorCode.ID_TOKEN_ISSUER_MISMATCH);
    }

    @Test
    void validateWhenIssuerHasTrailingSlashThenRejectedAsPlainStringMismatch() {
        assertRejected(TestIdTokens.valid().claim("iss", ISSUER + "/"), ErrorCode.ID_TOKEN_ISSUER_MISMATCH);
    }

    @Test
    void validateWhenIssuerMissingThenRejected() {
        assertRejected(TestIdTokens.valid().without("iss"), ErrorCode.ID_TOKEN_ISSUER_MISMATCH);
    }

    // --- audience and authorized party (steps 3 to 5) ---

    @Test
    void validateWhenAudienceMissingThenRejected() {
        assertRejected(TestIdTokens.valid().without("aud"), ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH);
    }

    @Test
    void validateWhenAudienceIsAnotherClientThenRejected() {
        assertRejected(TestIdTokens.valid().audience("another-client"), ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH);
    }

    @Test
    void validateWhenAudienceIsPlainStringThenAccepted() {
        assertThat(validate(TestIdTokens.valid().claim("aud", CLIENT_ID)).subject()).isNotBlank();
    }

    @Test
    void validateWhenExtraUntrustedAudienceEvenWithAzpThenRejected() {
        assertRejected(TestIdTokens.valid().audience(CLIENT_ID, "untrusted-api").claim("azp", CLIENT_ID),
                ErrorCode.ID_TOKEN_UNTRUSTED_AUDIENCE);
    }

    @Test
    void validateWhenExtraUntrustedAudienceWithoutAzpThenRejected() {
        // Nimbus' IDTokenValidator alone accepts this token; Lanyard must not.
        assertRejected(TestIdTokens.valid().audience(CLIENT_ID, "untrusted-api"), ErrorCode.ID_TOKEN_UNTRUSTED_AUDIENCE);
    }

    @Test
    void validateWhenExtraAudienceTrustedAndAzpIsUsThenAccepted() {
        trustedAudiences = Set.of("trusted-api");

        assertThat(validate(TestIdTokens.valid().audience(CLIENT_ID, "trusted-api").claim("azp", CLIENT_ID))
                .subject()).isNotBlank();
    }

    @Test
    void validateWhenSeveralAudiencesAndNoAzpThenRejected() {
        trustedAudiences = Set.of("trusted-api");

        assertRejected(TestIdTokens.valid().audience(CLIENT_ID, "trusted-api"), ErrorCode.ID_TOKEN_AZP_MISMATCH);
    }

    @Test
    void validateWhenAzpIsAnotherClientThenRejected() {
        assertRejected(TestIdTokens.valid().claim("azp", "another-client"), ErrorCode.ID_TOKEN_AZP_MISMATCH);
    }

    // --- time (steps 9, 10, nbf) ---

    @Test
    void validateWhenExpiredBeyondSkewThenRejected() {
        clock.advance(Duration.ofSeconds(300 + 61));

        assertRejected(TestIdTokens.valid(), ErrorCode.ID_TOKEN_EXPIRED);
    }

    @Test
    void validateWhenExpiredWithinSkewThenAccepted() {
        clock.advance(Duration.ofSeconds(300 + 59));

        assertThat(validate(TestIdTokens.valid()).subject()).isNotBlank();
    }

    @Test
    void validateWhenExpiryMissingThenRejected() {
        assertRejected(TestIdTokens.valid().without("exp"), ErrorCode.ID_TOKEN_EXPIRY_MISSING);
    }

    @Test
    void validateWhenExpiryNotANumberThenRejectedForItsType() {
        assertRejected(TestIdTokens.valid().claim("exp", "tomorrow"), ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID);
    }

    @Test
    void validateWhenIssuedAtMissingThenRejected() {
        assertRejected(TestIdTokens.valid().without("iat"), ErrorCode.ID_TOKEN_ISSUED_AT_MISSING);
    }

    @Test
    void validateWhenIssuedInTheFutureBeyondSkewThenRejected() {
        assertRejected(TestIdTokens.valid().issuedAt(MutableClock.START.plusSeconds(120)), ErrorCode.ID_TOKEN_ISSUED_IN_FUTURE);
    }

    @Test
    void validateWhenNotBeforeInTheFutureBeyondSkewThenRejected() {
        assertRejected(TestIdTokens.valid().claim("nbf", MutableClock.START.plusSeconds(120).getEpochSecond()),
                ErrorCode.ID_TOKEN_NOT_YET_VALID);
    }

    @Test
    void validateWhenNotBeforeWithinSkewThenAccepted() {
        assertThat(validate(TestIdTokens.valid().claim("nbf", MutableClock.START.plusSeconds(30).getEpochSecond()))
                .subject()).isNotBlank();
    }

    // --- subject and nonce (step 11) ---

    @Test
    void validateWhenSubjectMissingThenRejected() {
        assertRejected(TestIdTokens.valid().without("sub"), ErrorCode.ID_TOKEN_SUBJECT_MISSING);
    }

    @Test
    void validateWhenSubjectLongerThan255ThenRejected() {
        assertRejected(TestIdTokens.valid().claim("sub", "x".repeat(256)), ErrorCode.ID_TOKEN_SUBJECT_MISSING);
    }

    @Test
    void validateWhenNonceMissingThenRejected() {
        assertRejected(TestIdTokens.valid().without("nonce"), ErrorCode.ID_TOKEN_NONCE_MISSING);
    }

    @Test
    void validateWhenNonceOfAnotherLoginThenRejected() {
        assertRejected(TestIdTokens.valid().claim("nonce", "replayed-nonce"), ErrorCode.ID_TOKEN_NONCE_MISMATCH);
    }

    // --- acr and auth_time (steps 12, 13) ---

    @Test
    void validateWhenAcrRequestedAndMissingThenRejected() {
        acrValues = List.of("urn:mace:incommon:iap:silver");

        assertRejected(TestIdTokens.valid(), ErrorCode.ID_TOKEN_ACR_NOT_SATISFIED);
    }

    @Test
    void validateWhenAcrRequestedAndSatisfiedThenAccepted() {
        acrValues = List.of("urn:mace:incommon:iap:silver");

        assertThat(validate(TestIdTokens.valid().claim("acr", "urn:mace:incommon:iap:silver")).subject()).isNotBlank();
    }

    @Test
    void validateWhenMaxAgeRequestedAndAuthTimeMissingThenRejected() {
        maxAge = Optional.of(Duration.ofMinutes(5));

        assertRejected(TestIdTokens.valid(), ErrorCode.ID_TOKEN_AUTH_TIME_MISSING);
    }

    @Test
    void validateWhenAuthenticationOlderThanMaxAgeThenRejected() {
        maxAge = Optional.of(Duration.ofMinutes(5));

        assertRejected(TestIdTokens.valid().claim("auth_time", MutableClock.START.minusSeconds(600).getEpochSecond()),
                ErrorCode.ID_TOKEN_AUTH_TOO_OLD);
    }

    // --- all failures reported ---

    @Test
    void validateWhenSeveralClaimsWrongThenReportsEveryFailureInSpecOrder() {
        TestIdTokens token = TestIdTokens.valid().claim("iss", "https://evil.example.com").without("nonce").without("iat");

        assertThatThrownBy(() -> validate(token))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.failures())
                        .extracting(ValidationFailure::code)
                        .containsExactly(ErrorCode.ID_TOKEN_ISSUER_MISMATCH, ErrorCode.ID_TOKEN_ISSUED_AT_MISSING,
                                ErrorCode.ID_TOKEN_NONCE_MISSING));
    }

    @Test
    void validateWhenRejectedThenMessageHoldsNoTokenMaterial() {
        String raw = TestIdTokens.valid().claim("nonce", "other").sign();

        assertThatThrownBy(() -> validator.validate(raw, expectations(), keys))
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain(raw.split("\\.")[1]).doesNotContain(raw.split("\\.")[2])
                            .doesNotContain(NONCE).doesNotContain("other");
                });
    }
}
