package io.lanyard.core.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** Signing keys made in the test JVM (RSA generation is slow, so the common ones are made once). */
public final class TestKeys {

    public static final RSAKey RSA = rsa("rsa-1");
    public static final RSAKey OTHER_RSA = rsa("rsa-2");
    public static final ECKey EC = ec("ec-1");

    private TestKeys() {
    }

    public static RSAKey rsa(String keyId) {
        return rsa(keyId, 2048);
    }

    /** Any size, also below what Nimbus' generator allows: tests need weak keys to see them refused. */
    public static RSAKey rsa(String keyId, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ec(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
