package io.lanyard.core.signing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/** Reading a certificate and the forms administrators need: PEM to upload, and thumbprints to compare. */
final class Certificates {

    private Certificates() {
    }

    static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("a signing key's certificate cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@code -----BEGIN CERTIFICATE-----}, base64 in lines of 64, as Entra ID and most tools take it. */
    static String pem(X509Certificate certificate) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der(certificate));
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    /** The upper-case hex SHA-1 thumbprint, as the Entra admin center shows a certificate's "Thumbprint". */
    static String sha1Thumbprint(X509Certificate certificate) {
        return HexFormat.of().withUpperCase().formatHex(digest("SHA-1", der(certificate)));
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate cannot be encoded: " + e.getMessage(), e);
        }
    }
}
