package io.lanyard.core.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usable signing keys of one fetched key set, with their verifiers. Immutable; as a {@link KeySource} it never
 * fetches anything.
 */
public final class VerificationKeys implements KeySource {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationKeys.class);
    /** RFC 7518 §3.3: RSA keys of 2048 bits or more. Smaller keys are skipped. */
    static final int MIN_RSA_BITS = 2048;

    private final List<VerificationKey> keys;

    private VerificationKeys(List<VerificationKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Keeps the public part of each RSA or EC key that may be used for signatures. Keys marked for encryption,
     * of other types, or too weak are skipped (and logged), never an error: the provider may publish them for
     * other clients.
     */
    public static VerificationKeys from(JWKSet set, String source) {
        List<VerificationKey> usable = new ArrayList<>();
        for (JWK key : set.getKeys()) {
            if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
                continue;
            }
            JWK publicKey = key.toPublicJWK();
            try {
                if (publicKey instanceof RSAKey rsa) {
                    if (rsa.size() < MIN_RSA_BITS) {
                        LOG.warn("Skipping RSA key {} of {}: {} bits is below {}", rsa.getKeyID(), source, rsa.size(), MIN_RSA_BITS);
                        continue;
                    }
                    usable.add(new VerificationKey(rsa, new RSASSAVerifier(rsa), rsa.toRSAPublicKey()));
                } else if (publicKey instanceof ECKey ec) {
                    usable.add(new VerificationKey(ec, new ECDSAVerifier(ec), null));
                }
            } catch (JOSEException e) {
                LOG.warn("Skipping unusable key {} of {}: {}", key.getKeyID(), source, e.getMessage());
            }
        }
        return new VerificationKeys(usable);
    }

    public static VerificationKeys empty() {
        return new VerificationKeys(List.of());
    }

    public int size() {
        return keys.size();
    }

    /** Each usable key's id and algorithm family (e.g. {@code RSA}), for the admin UI's "Test" report. */
    public List<KeySummary> summaries() {
        return keys.stream().map(k -> new KeySummary(Optional.ofNullable(k.keyId()), k.jwk().getKeyType().getValue()))
                .toList();
    }

    /** {@link #summaries()} as text, e.g. {@code sandbox RSA}. */
    public List<String> describe() {
        return summaries().stream().map(KeySummary::description).toList();
    }

    public boolean hasKeyId(String keyId) {
        return keys.stream().anyMatch(k -> Objects.equals(k.keyId(), keyId));
    }

    /** These keys hold all there is: nothing to fetch again, whatever {@code refetch} allows. */
    @Override
    public List<VerificationKey> candidatesFor(JWSHeader header, KeyRefetch refetch) {
        return candidatesFor(header);
    }

    /** See {@link KeySource#candidatesFor(JWSHeader, KeyRefetch)}. */
    public List<VerificationKey> candidatesFor(JWSHeader header) {
        String keyId = header.getKeyID();
        JWSAlgorithm alg = header.getAlgorithm();
        List<VerificationKey> result = new ArrayList<>(2);
        for (VerificationKey key : keys) {
            if (keyId != null && !keyId.equals(key.keyId())) {
                continue;
            }
            if (fits(key.jwk(), alg)) {
                result.add(key);
            }
        }
        return result;
    }

    /** A key may verify an algorithm when its type (and curve) fit and its own "alg", if set, is the same. */
    static boolean fits(JWK key, JWSAlgorithm alg) {
        if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(alg.getName())) {
            return false;
        }
        if (key instanceof RSAKey) {
            return JWSAlgorithm.Family.RSA.contains(alg);
        }
        if (key instanceof ECKey ec) {
            return JWSAlgorithm.Family.EC.contains(alg) && curveFits(ec.getCurve(), alg);
        }
        return false;
    }

    private static boolean curveFits(Curve curve, JWSAlgorithm alg) {
        try {
            return Curve.forJWSAlgorithm(alg).contains(curve);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
