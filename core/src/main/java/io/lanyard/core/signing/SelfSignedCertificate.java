package io.lanyard.core.signing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A self-signed X.509 v3 certificate for Lanyard's signing key, made with the JDK alone (the JDK can read
 * certificates but has no public API to write one): DER as RFC 5280 §4.1 lays it out, signed SHA256withRSA. Entra ID
 * takes a public key only as a certificate; nothing checks its chain, so self-signed is what it should be.
 *
 * <p>Subject and issuer {@code CN=<commonName>}; a random positive 128-bit serial number; key usage
 * {@code digitalSignature} (critical), the only use of the key.
 */
final class SelfSignedCertificate {

    private static final byte[] SHA256_WITH_RSA = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0b};
    private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
    private static final byte[] KEY_USAGE = {0x55, 0x1d, 0x0f};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");
    /** RFC 5280 §4.1.2.5: dates through 2049 as UTCTime, from 2050 as GeneralizedTime. */
    private static final int FIRST_GENERALIZED_YEAR = 2050;

    private SelfSignedCertificate() {
    }

    /**
     * @return the certificate's DER encoding
     */
    static byte[] create(KeyPair keys, String commonName, Instant notBefore, Instant notAfter, SecureRandom random)
            throws GeneralSecurityException {
        byte[] algorithm = sequence(oid(SHA256_WITH_RSA), new byte[] {0x05, 0x00});
        byte[] name = sequence(set(sequence(oid(COMMON_NAME), tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] tbs = sequence(
                tlv(0xa0, integer(BigInteger.valueOf(2))), // [0] EXPLICIT version: v3
                integer(new BigInteger(128, random).setBit(127)),
                algorithm,
                name,
                sequence(time(notBefore), time(notAfter)),
                name,
                keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, DER already
                tlv(0xa3, sequence(keyUsageDigitalSignature())));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        return sequence(tbs, algorithm, bitString(signer.sign()));
    }

    /** Extension keyUsage, critical, with only digitalSignature (bit 0) set. */
    private static byte[] keyUsageDigitalSignature() {
        byte[] bits = {0x03, 0x02, 0x07, (byte) 0x80};
        return sequence(oid(KEY_USAGE), new byte[] {0x01, 0x01, (byte) 0xff}, tlv(0x04, bits));
    }

    private static byte[] time(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return utc.getYear() < FIRST_GENERALIZED_YEAR
                ? tlv(0x17, UTC_TIME.format(utc).getBytes(StandardCharsets.US_ASCII))
                : tlv(0x18, GENERALIZED_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] oid(byte[] encoded) {
        return tlv(0x06, encoded);
    }

    private static byte[] bitString(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1]; // no unused bits
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return tlv(0x03, content);
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Tag, DER length (short form below 128, else 0x8n and n big-endian bytes), content. */
    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
