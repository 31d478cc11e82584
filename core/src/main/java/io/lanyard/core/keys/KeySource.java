package io.lanyard.core.keys;

import com.nimbusds.jose.JWSHeader;
import java.util.List;

/** Where the keys that may have signed a token come from. */
@FunctionalInterface
public interface KeySource {

    /**
     * The provider's keys that could have produced this signature: matching key type and curve for the
     * algorithm, usable for signatures, and the header's {@code kid} if it has one. Possibly empty.
     *
     * @param refetch when the header names a key id that is not held: how soon the keys may be fetched again, which
     *                depends on where the token came from
     */
    List<VerificationKey> candidatesFor(JWSHeader header, KeyRefetch refetch);
}
