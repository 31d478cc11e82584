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
 * @param trustUnverifiedEmail whether {@link UserLookup#USERNAME_THEN_EMAIL} may select an account by an e-mail address
 *                       the provider does not say it verified ({@code email_verified} absent): off by default, because
 *                       whoever can put that address on their account at the provider would log in as its owner here
 */
public record UsernameMapping(
        String claim,
        List<String> fallbackClaims,
        Optional<String> pattern,
        boolean lowerCase,
        UserLookup lookup,
        boolean trustUnverifiedEmail) {

    public static final String DEFAULT_CLAIM = "preferred_username";
    public static final List<String> DEFAULT_FALLBACK_CLAIMS = List.of();

    public UsernameMapping {
        Objects.requireNonNull(claim, "claim");
        fallbackClaims = List.copyOf(fallbackClaims);
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(lookup, "lookup");
    }

    /** E-mail addresses must be verified by the provider to select an account. */
    public UsernameMapping(String claim, List<String> fallbackClaims, Optional<String> pattern, boolean lowerCase,
            UserLookup lookup) {
        this(claim, fallbackClaims, pattern, lowerCase, lookup, false);
    }

    public static UsernameMapping defaults() {
        return new UsernameMapping(DEFAULT_CLAIM, DEFAULT_FALLBACK_CLAIMS, Optional.empty(), false, UserLookup.USERNAME);
    }

    /** The claims in the order they are tried. */
    public List<String> claimsInOrder() {
        return Stream.concat(Stream.of(claim), fallbackClaims.stream()).distinct().toList();
    }
}
