package io.lanyard.core.token;

import static io.lanyard.core.testing.TestIdTokens.CLIENT_ID;
import static io.lanyard.core.testing.TestIdTokens.ISSUER;
import static io.lanyard.core.testing.TestIdTokens.NONCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeySource;
import io.lanyard.core.keys.VerificationKeys;
import io.lanyard.core.testing.MutableClock;
import io.lanyard.core.testing.TestIdTokens;
import io.lanyard.core.testing.TestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compact-JWS parsing and the JDK path for RSASSA-PKCS1-v1_5 signatures. */
class CompactJwsVerificationTest {

    private final IdTokenValidator validator = new IdTokenValidator(new MutableClock());
    private final KeySource keys = VerificationKeys.from(new JWKSet(List.of(TestKeys.RSA)), "test")::candidatesFor;

    private IdTokenExpectations allowing(String... algorithms) {
        return new IdTokenExpectations(ISSUER, CLIENT_ID, Set.of(), NONCE, Set.of(algorithms), Duration.ofSeconds(60),
                Optional.empty(), List.of(), Optional.empty());
    }

    private static ErrorCode codeOf(Runnable validation) {
        try {
            validation.run();
        } catch (TokenRejectedException e) {
            return e.errorCode();
        }
        throw new AssertionError("accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "PS512"})
    void everyRsaAlgorithmVerifiesWhenAllowed(String algorithm) {
        String token = TestIdTokens.valid().signedWith(TestKeys.RSA, JWSAlgorithm.parse(algorithm)).sign();

        assertThat(validator.validate(token, allowing(algorithm), keys).subject()).isNotBlank();
    }

    @Test
    void aCriticalHeaderParameterIsNeverAccepted() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestKeys.RSA.getKeyID())
                .criticalParams(Set.of("exp")).customParam("exp", 1).build();
        SignedJWT jwt = new SignedJWT(header, JWTClaimsSet.parse(claimsOf(TestIdTokens.valid().sign())));
        jwt.sign(new RSASSASigner(TestKeys.RSA));

        assertThat(codeOf(() -> validator.validate(jwt.serialize(), allowing("RS256"), keys)))
                .isEqualTo(ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aSignatureOfTheWrongLengthIsRefusedAndTheNextTokenStillVerifies() {
        String[] parts = TestIdTokens.valid().sign().split("\\.");
        String truncated = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 40);

        assertThat(codeOf(() -> validator.validate(truncated, allowing("RS256"), keys)))
                .isEqualTo(ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
        assertThat(validator.validate(TestIdTokens.valid().sign(), allowing("RS256"), keys).subject()).isNotBlank();
    }

    @Test
    void aSignatureThatIsNotBase64urlIsRefused() {
        String[] parts = TestIdTokens.valid().sign().split("\\.");

        assertThat(codeOf(() -> validator.validate(parts[0] + "." + parts[1] + ".not*base64", allowing("RS256"), keys)))
                .isEqualTo(ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aFivePartTokenIsRefusedAsEncrypted() {
        assertThatThrownBy(() -> validator.validate("a.b.c.d.e", allowing("RS256"), keys))
                .isInstanceOf(TokenRejectedException.class).hasMessageContaining("encrypted")
                .extracting(e -> ((TokenRejectedException) e).errorCode()).isEqualTo(ErrorCode.ID_TOKEN_MALFORMED);
    }

    @Test
    void aHeaderThatIsNotJsonIsRefusedAsMalformed() {
        String[] parts = TestIdTokens.valid().sign().split("\\.");

        assertThat(codeOf(() -> validator.validate("bm90LWpzb24." + parts[1] + "." + parts[2], allowing("RS256"), keys)))
                .isEqualTo(ErrorCode.ID_TOKEN_MALFORMED);
    }

    @Test
    void manyThreadsVerifyingAtOnceEachGetTheRightAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean genuine = i % 3 != 0;
                String token = genuine ? TestIdTokens.valid().sign()
                        : TestIdTokens.valid().signedWith(TestKeys.OTHER_RSA, JWSAlgorithm.RS256)
                                .keyId(TestKeys.RSA.getKeyID()).sign();
                Callable<Boolean> check = () -> {
                    try {
                        validator.validate(token, allowing("RS256"), keys);
                        return genuine;
                    } catch (TokenRejectedException e) {
                        return !genuine && e.errorCode() == ErrorCode.ID_TOKEN_SIGNATURE_INVALID;
                    }
                };
                results.add(pool.submit(check));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String signedPayload(String json) {
        return TestIdTokens.signJson(json);
    }

    private static String validClaimsWith(String extraMembers) {
        String claims = claimsOf(TestIdTokens.valid().sign());
        return claims.substring(0, claims.length() - 1) + "," + extraMembers + "}";
    }

    @Test
    void aDuplicateMemberIsRefusedEvenUnderAValidSignature() throws Exception {
        String token = signedPayload(validClaimsWith("\"sub\":\"admin\""));

        assertThatThrownBy(() -> validator.validate(token, allowing("RS256"), keys))
                .isInstanceOf(TokenRejectedException.class).hasMessageContaining("twice").hasMessageNotContaining("admin")
                .extracting(e -> ((TokenRejectedException) e).errorCode()).isEqualTo(ErrorCode.ID_TOKEN_MALFORMED);
    }

    @Test
    void deeplyNestedClaimsAreRefused() throws Exception {
        String token = signedPayload(validClaimsWith("\"deep\":" + "[".repeat(100) + "]".repeat(100)));

        assertThat(codeOf(() -> validator.validate(token, allowing("RS256"), keys))).isEqualTo(ErrorCode.ID_TOKEN_MALFORMED);
    }

    @Test
    void contentAfterTheClaimsObjectIsRefused() throws Exception {
        String token = signedPayload(claimsOf(TestIdTokens.valid().sign()) + "{\"sub\":\"admin\"}");

        assertThat(codeOf(() -> validator.validate(token, allowing("RS256"), keys))).isEqualTo(ErrorCode.ID_TOKEN_MALFORMED);
    }

    @Test
    void claimsThatAreNotJsonAreRefusedWithoutQuotingThem() throws Exception {
        String token = signedPayload("{\"sub\": secret-looking-text}");

        assertThatThrownBy(() -> validator.validate(token, allowing("RS256"), keys))
                .hasMessageNotContaining("secret-looking-text")
                .extracting(e -> ((TokenRejectedException) e).errorCode()).isEqualTo(ErrorCode.ID_TOKEN_MALFORMED);
    }

    @Test
    void numericDatesWrittenAsDecimalsAreRead() throws Exception {
        String claims = claimsOf(TestIdTokens.valid().sign()).replaceFirst("\"exp\":(\\d+)", "\"exp\":$1.5");
        String token = signedPayload(claims);

        assertThat(validator.validate(token, allowing("RS256"), keys).claims().getExpirationTime()).isNotNull();
    }

    private static String claimsOf(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
    }
}
