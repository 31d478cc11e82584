package io.lanyard.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One client allowed to call the REST API with client-credentials tokens: its {@code client_id} (or {@code azp}) →
 * the service account it acts as, with its restrictions. RFC 9700 §4.15: a client is recognised only by its client id,
 * never by {@code sub} alone, because a client id can equal some user's subject.
 *
 * @param clientId     the token's {@code client_id}, or {@code azp} when it has none
 * @param account      the service account's username; created in the issuer's directory if missing
 * @param readOnly     GET and HEAD only
 * @param sourceRanges where calls may come from (the client address behind trusted proxies); empty: anywhere
 * @param maxTokenAge  how old a token (by {@code iat}) may be; empty: only its expiry counts
 */
public record ClientMapping(String clientId, String account, boolean readOnly, List<AddressRange> sourceRanges,
        Optional<Duration> maxTokenAge) {

    public ClientMapping {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(account, "account");
        sourceRanges = List.copyOf(sourceRanges);
        Objects.requireNonNull(maxTokenAge, "maxTokenAge");
    }

    /** Whether a request from {@code address} may use this mapping. */
    public boolean allowsAddress(byte[] address) {
        if (sourceRanges.isEmpty()) {
            return true;
        }
        for (AddressRange range : sourceRanges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
