package io.lanyard.core.token;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import io.lanyard.core.error.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token in JWS compact serialisation (RFC 7515 §7.1), split once: the parsed header, the bytes the signature
 * covers, and the payload and signature segments as received. Base64url is decoded with the JDK's strict decoder
 * (Nimbus' pure-Java one costs several times more per byte, see BENCHMARKS.md), JSON read by {@link TokenJson}, and
 * the header and claims built by Nimbus from it.
 * Anything that is not a signed JWT is refused here, before any key is looked at.
 */
record CompactJws(JWSHeader header, byte[] token, int signingInputLength, int payloadStart, String signatureSegment) {

    /**
     * Parsed headers by their exact base64url text: every token of a provider carries the same few header bytes, so
     * parsing them once per provider and key is enough. Bounded; emptied when full.
     */
    private static final int MAX_CACHED_HEADERS = 256;
    private static final Map<String, JWSHeader> PARSED_HEADERS = new ConcurrentHashMap<>();

    /** @throws TokenRejectedException {@code ID_TOKEN_MALFORMED}, or {@code ID_TOKEN_ALGORITHM_REJECTED} for alg none */
    static CompactJws parse(String raw, String what) {
        int firstDot = raw.indexOf('.');
        int lastDot = raw.lastIndexOf('.');
        if (firstDot <= 0 || firstDot == lastDot) {
            throw malformed(what, "is not a JWT");
        }
        if (raw.indexOf('.', firstDot + 1) != lastDot) {
            // RFC 7516 §7.1: five parts are a JWE, which Lanyard never asks a provider for.
            throw raw.chars().filter(c -> c == '.').count() == 4
                    ? malformed(what, "is encrypted, which Lanyard does not request")
                    : malformed(what, "is not a JWT");
        }
        String headerSegment = raw.substring(0, firstDot);
        JWSHeader header = PARSED_HEADERS.get(headerSegment);
        if (header == null) {
            header = header(headerSegment, json(ByteBuffer.wrap(headerSegment.getBytes(StandardCharsets.US_ASCII)),
                    what, "header"), what);
            remember(headerSegment, header);
        }
        return new CompactJws(header, raw.getBytes(StandardCharsets.US_ASCII), lastDot, firstDot + 1,
                raw.substring(lastDot + 1));
    }

    /** How many parsed headers are held now (the cache's bound is part of its contract; tests check it). */
    static int cachedHeaderCount() {
        return PARSED_HEADERS.size();
    }

    private static void remember(String headerSegment, JWSHeader header) {
        if (PARSED_HEADERS.size() >= MAX_CACHED_HEADERS) {
            PARSED_HEADERS.clear();
        }
        PARSED_HEADERS.put(headerSegment, header);
    }

    /** The ASCII bytes of {@code header.payload}, which the signature covers. */
    byte[] signingInput() {
        return Arrays.copyOf(token, signingInputLength);
    }

    /** The claims, parsed only after the signature over them was verified. */
    JWTClaimsSet claims(String what) {
        return claimsOf(claimsObject(what), what);
    }

    /** The payload's JSON members as received, before any claim is given a type: for checks of the types. */
    Map<String, Object> claimsObject(String what) {
        return json(ByteBuffer.wrap(token, payloadStart, signingInputLength - payloadStart), what, "payload");
    }

    /** The claims of a payload read with {@link #claimsObject}. */
    static JWTClaimsSet claimsOf(Map<String, Object> members, String what) {
        try {
            return JWTClaimsSet.parse(members);
        } catch (ParseException e) {
            throw malformed(what, "payload is not a JSON object of claims: " + e.getMessage());
        }
    }

    private static JWSHeader header(String segment, Map<String, Object> fields, String what) {
        Object alg = fields.get("alg");
        if (Algorithm.NONE.getName().equals(alg)) {
            // alg "none": an unsigned token proves nothing and is refused whatever the configuration says.
            throw TokenSignatureVerifier.rejected(what, ErrorCode.ID_TOKEN_ALGORITHM_REJECTED, "is unsigned (alg none)");
        }
        if (fields.containsKey("enc")) {
            throw malformed(what, "is encrypted, which Lanyard does not request");
        }
        try {
            return JWSHeader.parse(fields, new Base64URL(segment));
        } catch (ParseException e) {
            throw malformed(what, "header is not a JWS header: " + e.getMessage());
        }
    }

    private static Map<String, Object> json(ByteBuffer segment, String what, String part) {
        ByteBuffer bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw malformed(what, part + " is not base64url");
        }
        try {
            return TokenJson.object(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        } catch (IOException e) {
            throw malformed(what, part + " is not a JSON object: " + e.getMessage());
        }
    }

    private static TokenRejectedException malformed(String what, String description) {
        return TokenSignatureVerifier.rejected(what, ErrorCode.ID_TOKEN_MALFORMED, description);
    }

    @Override
    public String toString() {
        return "CompactJws[" + header.getAlgorithm() + "]";
    }
}
