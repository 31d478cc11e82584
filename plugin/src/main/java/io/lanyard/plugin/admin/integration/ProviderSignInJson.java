package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.SignInSettings;
import io.lanyard.core.config.SignInSettingsBuilder;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A provider's sign-in settings in the JSON API and in export and import ({@code "signIn": {…}} of
 * {@link IdentityProviderJson}): the chooser's logo, order and visibility, the e-mail domains, and the accounts it may
 * log in. An absent member takes its default; an absent {@code signIn} keeps the stored settings on {@code PUT}.
 */
public record ProviderSignInJson(String logoUrl, Integer order, List<String> emailDomains, Boolean showOnChooser,
        String allowedUsernames, String allowedDirectory) {

    static ProviderSignInJson of(SignInSettings settings) {
        return new ProviderSignInJson(settings.logoUrl().map(URI::toString).orElse(null), settings.order(),
                settings.emailDomains(), settings.showOnChooser(),
                settings.allowedUsernames().map(Pattern::pattern).orElse(null),
                settings.allowedDirectory().orElse(null));
    }

    void applyTo(SignInSettingsBuilder builder, List<FieldError> errors) {
        Optional.ofNullable(logoUrl).ifPresent(builder::logoUrl);
        Optional.ofNullable(order).ifPresent(builder::order);
        Optional.ofNullable(emailDomains).ifPresent(builder::emailDomains);
        Optional.ofNullable(showOnChooser).ifPresent(builder::showOnChooser);
        Optional.ofNullable(allowedUsernames).ifPresent(builder::allowedUsernames);
        Optional.ofNullable(allowedDirectory).ifPresent(builder::allowedDirectory);
    }
}
