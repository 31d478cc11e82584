package io.lanyard.bench.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where the time of an RS256 ID-token validation goes beyond the signature itself: the steps Nimbus JOSE (which
 * Lanyard and every peer measured use) takes, each alone, on the fixture token. Explains the gap between a validator
 * and the raw JDK verification; not a comparison between libraries.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IdTokenCostBreakdownBenchmark {

    private String token;
    private String payloadPart;
    private String signaturePart;
    private JWSHeader header;
    private byte[] signingInput;
    private RSASSAVerifier verifier;

    @Setup
    public void setUp() throws Exception {
        token = TokenFixtures.idToken("RS256");
        String[] parts = token.split("\\.");
        payloadPart = parts[1];
        signaturePart = parts[2];
        SignedJWT jwt = SignedJWT.parse(token);
        header = jwt.getHeader();
        signingInput = jwt.getSigningInput();
        verifier = new RSASSAVerifier((RSAKey) TokenFixtures.publicKey("RS256"));
        if (!verify()) {
            throw new IllegalStateException("the fixture token does not verify");
        }
    }

    /** JWTParser.parse: decodes and parses the header (twice: to find the type, then as a JWS header). */
    @Benchmark
    public Object nimbusParseHeader() throws ParseException {
        return JWTParser.parse(token);
    }

    /** The payload's JSON: Nimbus's base64url decoding, then its JSON parser and the claims set. */
    @Benchmark
    public Object nimbusParseClaims() throws ParseException {
        return JWTClaimsSet.parse(new Base64URL(payloadPart).decodeToString());
    }

    /** Nimbus's base64url decoding (a constant-time codec) of the payload alone. */
    @Benchmark
    public Object nimbusBase64Payload() {
        return new Base64URL(payloadPart).decode();
    }

    /** The JDK's base64url decoding of the same payload. */
    @Benchmark
    public Object jdkBase64Payload() {
        return Base64.getUrlDecoder().decode(payloadPart);
    }

    /** Nimbus's RSASSAVerifier with a prebuilt key: JCA lookup, init, base64url of the signature, RSA. */
    @Benchmark
    public boolean nimbusVerifySignature() throws JOSEException {
        return verify();
    }

    /** Nimbus's base64url decoding of the 256-byte signature alone. */
    @Benchmark
    public Object nimbusBase64Signature() {
        return new Base64URL(signaturePart).decode();
    }

    private boolean verify() throws JOSEException {
        return verifier.verify(header, signingInput, new Base64URL(signaturePart));
    }

    /** The JSON parse of the payload alone, from an already decoded string. */
    @Benchmark
    public Object nimbusJsonClaimsOnly() throws ParseException {
        return JWTClaimsSet.parse(decodedPayload());
    }

    private String decodedPayloadCache;

    private String decodedPayload() {
        if (decodedPayloadCache == null) {
            decodedPayloadCache = new String(Base64.getUrlDecoder().decode(payloadPart), StandardCharsets.UTF_8);
        }
        return decodedPayloadCache;
    }
}
