package io.lanyard.core.config;

import io.lanyard.core.http.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The sign-in part of a provider's builder ({@link IdentityProviderConfigBuilder#signIn()}): collects the values and
 * reports every invalid one as a {@link FieldError} of the provider, so that the file, the admin form and the JSON API
 * refuse the same things.
 */
public final class SignInSettingsBuilder {

    public static final int MAX_ORDER = 9999;
    public static final int MAX_DOMAINS = 100;
    /** RFC 1035 labels: letters, digits and hyphens, not at either end; at least two labels. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private String logoUrl;
    private int order = SignInSettings.DEFAULT_ORDER;
    private Collection<String> emailDomains = List.of();
    private boolean showOnChooser = true;
    private String allowedUsernames;
    private String allowedDirectory;

    SignInSettingsBuilder() {
    }

    static SignInSettingsBuilder from(SignInSettings settings) {
        SignInSettingsBuilder builder = new SignInSettingsBuilder();
        builder.logoUrl = settings.logoUrl().map(URI::toString).orElse(null);
        builder.order = settings.order();
        builder.emailDomains = settings.emailDomains();
        builder.showOnChooser = settings.showOnChooser();
        builder.allowedUsernames = settings.allowedUsernames().map(Pattern::pattern).orElse(null);
        builder.allowedDirectory = settings.allowedDirectory().orElse(null);
        return builder;
    }

    public SignInSettingsBuilder logoUrl(String value) { this.logoUrl = value; return this; }
    public SignInSettingsBuilder order(int value) { this.order = value; return this; }
    public SignInSettingsBuilder emailDomains(Collection<String> value) { this.emailDomains = value; return this; }
    public SignInSettingsBuilder showOnChooser(boolean value) { this.showOnChooser = value; return this; }
    public SignInSettingsBuilder allowedUsernames(String value) { this.allowedUsernames = value; return this; }
    public SignInSettingsBuilder allowedDirectory(String value) { this.allowedDirectory = value; return this; }

    /**
     * The settings on their own (the provider's builder uses {@link #build(List)} to report them with its own fields).
     *
     * @throws ConfigurationException listing every invalid field
     */
    public SignInSettings build() {
        List<FieldError> errors = new ArrayList<>();
        SignInSettings settings = build(errors);
        if (!errors.isEmpty()) {
            throw new ConfigurationException("the sign-in settings are invalid", errors);
        }
        return settings;
    }

    /** The settings, or null after adding each invalid field to {@code errors}. */
    SignInSettings build(List<FieldError> errors) {
        int before = errors.size();
        Optional<URI> logo = checkedLogo(errors);
        if (order < 0 || order > MAX_ORDER) {
            errors.add(new FieldError("chooserOrder", "must be a whole number from 0 to " + MAX_ORDER));
        }
        List<String> domains = checkedDomains(errors, emailDomains);
        Optional<Pattern> usernames = checkedPattern(errors);
        Optional<String> directory = Optional.ofNullable(allowedDirectory).map(String::strip).filter(d -> !d.isEmpty());
        if (directory.isPresent() && (directory.get().length() > 255 || FieldChecks.CONTROL.matcher(directory.get()).find())) {
            errors.add(new FieldError("allowedDirectory", "must be a directory's name: at most 255 characters, no "
                    + "control characters"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new SignInSettings(logo, order, domains, showOnChooser, usernames, directory);
    }

    /** An https image, or a path on this site (a product's own image); never javascript: or data: URLs. */
    private Optional<URI> checkedLogo(List<FieldError> errors) {
        if (logoUrl == null || logoUrl.isBlank()) {
            return Optional.empty();
        }
        String value = logoUrl.strip();
        try {
            URI uri = new URI(value);
            boolean sitePath = !uri.isAbsolute() && value.startsWith("/") && !value.startsWith("//")
                    && uri.getRawAuthority() == null;
            if (value.length() <= 2048 && !FieldChecks.CONTROL.matcher(value).find() && value.indexOf('\\') < 0
                    && (sitePath || Urls.isHttpsOrLoopbackHttp(uri)) && uri.getRawUserInfo() == null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add(new FieldError("logoUrl", "must be an https URL of an image, or a path on this site starting with /"));
        return Optional.empty();
    }

    /**
     * Each domain exactly ({@code example.com}) or with its sub-domains ({@code *.example.com}); lower-cased, as DNS
     * names compare case-insensitively (RFC 4343). Also used to check a typed e-mail address's domain.
     */
    static List<String> checkedDomains(List<FieldError> errors, Collection<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String raw : values == null ? List.<String>of() : values) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String value = raw.strip().toLowerCase(Locale.ROOT);
            String name = value.startsWith("*.") ? value.substring(2) : value;
            if (name.length() > 253 || !DOMAIN.matcher(name).matches()) {
                errors.add(new FieldError("emailDomains", "\"" + printable(value) + "\" is not a domain (example.com)"
                        + " or a domain with its sub-domains (*.example.com)"));
            } else {
                result.add(value);
            }
        }
        if (result.size() > MAX_DOMAINS) {
            errors.add(new FieldError("emailDomains", "must list at most " + MAX_DOMAINS + " domains"));
        }
        return new ArrayList<>(result);
    }

    private Optional<Pattern> checkedPattern(List<FieldError> errors) {
        if (allowedUsernames == null || allowedUsernames.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(allowedUsernames.strip()));
        } catch (PatternSyntaxException e) {
            errors.add(new FieldError("allowedUsernames", "is not a valid regular expression: " + e.getDescription()));
            return Optional.empty();
        }
    }

    private static String printable(String value) {
        String cleaned = FieldChecks.CONTROL.matcher(value).replaceAll("?");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) + "…" : cleaned;
    }
}
