package io.lanyard.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the claims of a verified identity become a username of the host.
 *
 * @param claim          the claim tried first (default {@code preferred_username})
 * @param fallbackClaims claims tried in order when the first is absent or blank
 * @param pattern        optional regular expression: the value must match it whole; group 1 (if the
 *                       expression has groups) becomes the username. Validated when the configuration is built.
 * @param lowerCase      whether the result is lower-cased (Locale.ROOT)
 * @param lookup         how the result is matched to an account
 */
public record UsernameMapping(
        String claim,
        List<String> fallbackClaims,
        Optional<String> pattern,
        boolean lowerCase,
        UserLookup lookup) {

    public static final String DEFAULT_CLAIM = "preferred_username";
    public static final List<String> DEFAULT_FALLBACK_CLAIMS = List.of();

    public UsernameMapping {
        Objects.requireNonNull(claim, "claim");
        fallbackClaims = List.copyOf(fallbackClaims);
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(lookup, "lookup");
    }

    public static UsernameMapping defaults() {
        return new UsernameMapping(DEFAULT_CLAIM, DEFAULT_FALLBACK_CLAIMS, Optional.empty(), false, UserLookup.USERNAME);
    }

    /** The claims in the order they are tried. */
    public List<String> claimsInOrder() {
        return Stream.concat(Stream.of(claim), fallbackClaims.stream()).distinct().toList();
    }
}
