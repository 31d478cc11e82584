package io.lanyard.core.signin;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Home-realm discovery: the provider an e-mail address signs in with, by its domain. A provider's domain
 * {@code example.com} takes that domain exactly; {@code *.example.com} takes every sub-domain of it. The most specific
 * match wins (an exact domain before a wildcard, a longer wildcard before a shorter), so {@code eu.example.com} can go
 * elsewhere than the rest of {@code *.example.com}. An address of no configured domain goes to the default provider,
 * or nowhere (the chooser says so). Only enabled providers take part.
 */
public final class HomeRealmDiscovery {

    /** Local part and domain of RFC 5321 mailboxes as people type them; the domain is checked by its own rule. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@([^@\\s]{1,253})");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private HomeRealmDiscovery() {
    }

    /**
     * Where an e-mail address signs in.
     *
     * @param loginHint  the address as typed (stripped), for the provider's {@code login_hint}
     * @param domainHint the address's domain, for Microsoft Entra ID's {@code domain_hint}
     */
    public record Route(IdentityProviderConfig provider, String loginHint, String domainHint) {

        public Route {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(loginHint, "loginHint");
            Objects.requireNonNull(domainHint, "domainHint");
        }
    }

    /**
     * @param enabled         the enabled providers
     * @param defaultProvider the provider for addresses of no configured domain (its id), if any; ignored when it is
     *                        not among the enabled ones
     * @throws LoginFailedException {@code EMAIL_INVALID} for text that is not an e-mail address,
     *         {@code EMAIL_DOMAIN_UNKNOWN} for a domain no provider takes and no default provider
     */
    public static Route route(String email, List<IdentityProviderConfig> enabled, Optional<String> defaultProvider) {
        String address = email == null ? "" : email.strip();
        var matcher = ADDRESS.matcher(address);
        String domain = matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : "";
        if (!DOMAIN.matcher(domain).matches()) {
            throw new LoginFailedException(ErrorCode.EMAIL_INVALID, "what was typed is not an e-mail address");
        }
        Optional<IdentityProviderConfig> provider = bestMatch(domain, enabled)
                .or(() -> defaultProvider.flatMap(id -> enabled.stream().filter(p -> p.id().equals(id)).findFirst()));
        return provider.map(p -> new Route(p, address, domain)).orElseThrow(() -> new LoginFailedException(
                ErrorCode.EMAIL_DOMAIN_UNKNOWN, "no identity provider takes e-mail addresses of " + domain
                        + " and no default provider is set"));
    }

    /** Whether any enabled provider takes an e-mail domain: the chooser then asks for an address. */
    public static boolean isOffered(List<IdentityProviderConfig> enabled) {
        return enabled.stream().anyMatch(provider -> !provider.signIn().emailDomains().isEmpty());
    }

    private static Optional<IdentityProviderConfig> bestMatch(String domain, List<IdentityProviderConfig> enabled) {
        IdentityProviderConfig best = null;
        int bestScore = -1;
        for (IdentityProviderConfig provider : enabled) {
            for (String claimed : provider.signIn().emailDomains()) {
                int score = score(claimed, domain);
                if (score > bestScore) {
                    best = provider;
                    bestScore = score;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** -1: no match; an exact domain outranks every wildcard; longer wildcards outrank shorter ones. */
    static int score(String claimed, String domain) {
        if (claimed.startsWith("*.")) {
            String parent = claimed.substring(1); // ".example.com"
            return domain.endsWith(parent) && domain.length() > parent.length() ? parent.length() : -1;
        }
        return claimed.equals(domain) ? Integer.MAX_VALUE : -1;
    }
}
