package io.lanyard.core.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one identity provider takes part in the sign-in page: its button on the chooser, the e-mail domains that lead
 * to it, and which of the host's accounts it may log in. Validated by {@link SignInSettingsBuilder} with the
 * provider; the defaults ({@link #defaults()}) are what every provider did before these settings existed.
 *
 * @param logoUrl          an image shown on the provider's button: an https URL, or a path on this site
 * @param order            the button's place on the chooser, lowest first; equal orders keep the file's order
 * @param emailDomains     e-mail domains whose people sign in here: {@code example.com} exactly, or
 *                         {@code *.example.com} for every sub-domain of it (not {@code example.com} itself); lower
 *                         case
 * @param showOnChooser    false for a provider reached only by e-mail domain or a direct link (hidden on the chooser)
 * @param allowedUsernames when present, the only host usernames this provider may log in (a regular expression the
 *                         whole username must match); the accounts it matches belong to this provider
 * @param allowedDirectory when present, the only host user directory (by name) whose accounts this provider may log
 *                         in; those accounts belong to this provider
 */
public record SignInSettings(
        Optional<URI> logoUrl,
        int order,
        List<String> emailDomains,
        boolean showOnChooser,
        Optional<Pattern> allowedUsernames,
        Optional<String> allowedDirectory) {

    public static final int DEFAULT_ORDER = 100;

    public SignInSettings {
        Objects.requireNonNull(logoUrl, "logoUrl");
        emailDomains = List.copyOf(emailDomains);
        Objects.requireNonNull(allowedUsernames, "allowedUsernames");
        Objects.requireNonNull(allowedDirectory, "allowedDirectory");
    }

    /** No logo, the default order, no domains, on the chooser, every account. */
    public static SignInSettings defaults() {
        return new SignInSettings(Optional.empty(), DEFAULT_ORDER, List.of(), true, Optional.empty(), Optional.empty());
    }

    public static SignInSettingsBuilder builder() {
        return new SignInSettingsBuilder();
    }

    public SignInSettingsBuilder toBuilder() {
        return SignInSettingsBuilder.from(this);
    }

    /** Whether this provider claims some accounts as its own (a username pattern or a directory). */
    public boolean restrictsAccounts() {
        return allowedUsernames.isPresent() || allowedDirectory.isPresent();
    }

    /** Patterns compare by their text: two settings with the same expression are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SignInSettings that && order == that.order && showOnChooser == that.showOnChooser
                && logoUrl.equals(that.logoUrl) && emailDomains.equals(that.emailDomains)
                && allowedUsernames.map(Pattern::pattern).equals(that.allowedUsernames.map(Pattern::pattern))
                && allowedDirectory.equals(that.allowedDirectory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(logoUrl, order, emailDomains, showOnChooser, allowedUsernames.map(Pattern::pattern),
                allowedDirectory);
    }
}
