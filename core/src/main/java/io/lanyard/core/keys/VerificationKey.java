package io.lanyard.core.keys;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import java.util.Objects;

/** A provider's public signing key with its verifier, built once when the key set is fetched. */
public record VerificationKey(JWK jwk, JWSVerifier verifier) {

    public VerificationKey {
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(verifier, "verifier");
    }

    public String keyId() {
        return jwk.getKeyID();
    }
}
