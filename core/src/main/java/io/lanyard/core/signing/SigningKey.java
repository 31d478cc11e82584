package io.lanyard.core.signing;

import com.nimbusds.jose.jwk.RSAKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of Lanyard's signing keys: an RSA key pair with its self-signed certificate (in the JWK's {@code x5c}), and
 * where it is in its life. Never prints the private key.
 *
 * @param jwk       the key pair as a JWK, with {@code kid}, {@code use=sig}, {@code alg=RS256}, {@code x5c},
 *                  {@code x5t} and {@code x5t#S256}
 * @param state     published only, signing, or retired
 * @param created   when it was made (and first published)
 * @param activated when Lanyard started signing with it
 * @param retired   when Lanyard stopped signing with it
 */
record SigningKey(RSAKey jwk, State state, Instant created, Optional<Instant> activated, Optional<Instant> retired) {

    /**
     * Rotation with overlap: a key is published before it signs anything, and stays published after its last
     * signature until every assertion it signed has expired.
     */
    enum State {
        /** Published at the JWKS URL (and its certificate shown for upload), not signing yet: the next key. */
        PUBLISHED,
        /** Signs every client assertion; published. */
        ACTIVE,
        /** Signs nothing any more; published until assertions it signed have expired, then removed. */
        RETIRED
    }

    SigningKey {
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(activated, "activated");
        Objects.requireNonNull(retired, "retired");
        if (!jwk.isPrivate() || jwk.getKeyID() == null || jwk.getX509CertChain() == null) {
            throw new IllegalArgumentException("a signing key needs its private key, a key id and its certificate");
        }
    }

    String keyId() {
        return jwk.getKeyID();
    }

    X509Certificate certificate() {
        return Certificates.parse(jwk.getX509CertChain().get(0).decode());
    }

    SigningKey activatedAt(Instant when) {
        return new SigningKey(jwk, State.ACTIVE, created, Optional.of(when), retired);
    }

    SigningKey retiredAt(Instant when) {
        return new SigningKey(jwk, State.RETIRED, created, activated, Optional.of(when));
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId() + ", " + state + "]";
    }
}
