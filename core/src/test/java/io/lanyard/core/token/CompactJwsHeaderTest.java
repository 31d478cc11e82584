package io.lanyard.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The JOSE header of a signed token, parsed once per distinct header and then taken from a bounded cache. Each header
 * here is new (a fresh {@code kid}), so the parse itself runs and not the cache: a header announcing encryption, and
 * one that is not a JWS header, are refused as malformed; and the cache stays within its bound however many distinct
 * headers arrive.
 */
class CompactJwsHeaderTest {

    private static final int CACHE_BOUND = 256;

    /** A token signed over {@code headerJson} and a small payload, with a valid signature. */
    private static String signed(String headerJson) throws Exception {
        String signingInput = Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode("{\"sub\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        Base64URL signature = new RSASSASigner(TestKeys.RSA).sign(new JWSHeader(JWSAlgorithm.RS256),
                signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + signature;
    }

    private static String freshKid() {
        return UUID.randomUUID().toString();
    }

    private static void assertMalformed(String token) {
        assertThatThrownBy(() -> CompactJws.parse(token, "ID token"))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ID_TOKEN_MALFORMED));
    }

    @Test
    void aSignedTokenWhoseHeaderAnnouncesEncryptionIsMalformed() throws Exception {
        assertMalformed(signed("{\"alg\":\"RS256\",\"enc\":\"A256GCM\",\"kid\":\"" + freshKid() + "\"}"));
    }

    @Test
    void aHeaderThatIsNotAJwsHeaderIsMalformed() throws Exception {
        assertMalformed(signed("{\"alg\":256,\"kid\":\"" + freshKid() + "\"}"));
    }

    @Test
    void aTokenWithAnEmptyHeaderIsMalformed() {
        assertMalformed(".eyJzdWIiOiJ4In0.c2ln");
    }

    @Test
    void aFreshHeaderIsParsedWithItsValuesAndThenHeld() throws Exception {
        String kid = freshKid();
        String token = signed("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}");

        CompactJws first = CompactJws.parse(token, "ID token");
        CompactJws second = CompactJws.parse(token, "ID token");

        assertThat(first.header().getKeyID()).isEqualTo(kid);
        assertThat(first.header().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(second.header()).as("taken from the cache").isSameAs(first.header());
    }

    @Test
    void theHeadersOfTwoProvidersTakingTurnsAreBothHeld() throws Exception {
        String first = signed("{\"alg\":\"RS256\",\"kid\":\"" + freshKid() + "\"}");
        String second = signed("{\"alg\":\"RS256\",\"kid\":\"" + freshKid() + "\"}");

        JWSHeader firstHeader = CompactJws.parse(first, "ID token").header();
        CompactJws.parse(second, "ID token");

        assertThat(CompactJws.parse(first, "ID token").header()).isSameAs(firstHeader);
        assertThat(CompactJws.parse(first, "ID token")).hasToString("CompactJws[RS256]");
    }

    @Test
    void theHeaderCacheStaysWithinItsBoundHoweverManyDistinctHeadersArrive() throws Exception {
        for (int i = 0; i < CACHE_BOUND + 10; i++) {
            CompactJws.parse(signed("{\"alg\":\"RS256\",\"kid\":\"" + freshKid() + "\"}"), "ID token");
            assertThat(CompactJws.cachedHeaderCount()).isBetween(1, CACHE_BOUND);
        }
    }
}
