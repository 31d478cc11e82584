package io.lanyard.core.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A range of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), or one address. Parsed from
 * literals only: a host name is refused, never looked up (a DNS answer must not decide who may call the REST API).
 *
 * @param network the range's first address, its bits past the prefix zero
 * @param prefix  how many leading bits must match
 */
public record AddressRange(byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public AddressRange {
        network = network.clone();
    }

    /** The range {@code text} names; empty when it is not an IP literal with an optional {@code /prefix}. */
    public static Optional<AddressRange> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        Optional<byte[]> bytes = literal(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        int bits = bytes.get().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = value.substring(slash + 1);
            if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > bits) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(digits);
        }
        return Optional.of(new AddressRange(masked(bytes.get(), prefix), prefix));
    }

    /** The bytes of an IPv4 or IPv6 literal; empty for anything else (no name is ever resolved). */
    public static Optional<byte[]> literal(String address) {
        if (address == null || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
            return Optional.empty();
        }
        try {
            // a literal of these shapes is parsed, not looked up
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code address} (4 or 16 bytes) lies in this range; an address of the other family never does. */
    public boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        return Arrays.equals(masked(address, prefix), network);
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] result = address.clone();
        for (int i = 0; i < result.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            result[i] = (byte) (result[i] & (0xFF << (8 - keep)));
        }
        return result;
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && range.prefix == prefix && Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, Arrays.hashCode(network));
    }

    /** CIDR notation, e.g. {@code 10.0.0.0/8}. */
    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
