package io.lanyard.core.bearer;

import io.lanyard.core.config.AddressRange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The address a request really comes from: the connection's, unless that is a trusted proxy, in which case
 * {@code X-Forwarded-For} is read from the right, each trusted proxy stepping back one hop, and the first address that
 * is not a trusted proxy is the client. A client can write anything at the left of that header, so it is never read
 * further than the trusted proxies vouch for, and never at all when the connection is not from one.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /** Empty when the address cannot be told (a malformed hop): whoever checks ranges then refuses. */
    static Optional<byte[]> of(String remoteAddress, String forwardedFor, List<AddressRange> trustedProxies) {
        Optional<byte[]> remote = AddressRange.literal(remoteAddress);
        if (remote.isEmpty() || !isTrusted(remote.get(), trustedProxies)) {
            return remote;
        }
        String forwarded = forwardedFor;
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        byte[] last = remote.get();
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<byte[]> hop = AddressRange.literal(hops[i].strip());
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            last = hop.get();
            if (!isTrusted(last, trustedProxies)) {
                return hop;
            }
        }
        return Optional.of(last);
    }

    /** The address as text ({@code 192.0.2.1}, {@code 2001:db8:0:0:0:0:0:1}), for the log and the audit trail. */
    static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return "?";
        }
    }

    private static boolean isTrusted(byte[] address, List<AddressRange> trustedProxies) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
