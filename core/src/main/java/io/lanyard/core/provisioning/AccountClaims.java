package io.lanyard.core.provisioning;

import io.lanyard.core.config.AccountSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A person's display name and e-mail address as a provider's {@link AccountSettings} take them from the claims. */
final class AccountClaims {

    static final int MAX_LENGTH = 255;
    /** Enough of RFC 5322 to refuse what is plainly no address: one {@code @}, no spaces or control characters. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private AccountClaims() {
    }

    /**
     * The first entry of {@code displayNameClaims} whose claims are all present ({@code given_name+family_name}
     * joins them with a space).
     */
    static Optional<String> displayName(AccountSettings settings, Map<String, Object> claims) {
        for (String entry : settings.displayNameClaims()) {
            List<String> parts = new ArrayList<>();
            for (String claim : entry.split(Pattern.quote(AccountSettings.JOIN))) {
                text(claims, claim).ifPresent(parts::add);
            }
            if (!parts.isEmpty() && parts.size() == entry.split(Pattern.quote(AccountSettings.JOIN)).length) {
                String name = CONTROL.matcher(String.join(" ", parts)).replaceAll(" ").strip();
                return Optional.of(name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name);
            }
        }
        return Optional.empty();
    }

    /** The first of {@code emailClaims} that holds an address. */
    static Optional<String> email(AccountSettings settings, Map<String, Object> claims) {
        for (String claim : settings.emailClaims()) {
            Optional<String> value = text(claims, claim)
                    .filter(address -> address.length() <= MAX_LENGTH && EMAIL.matcher(address).matches());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Map<String, Object> claims, String claim) {
        return claims.get(claim) instanceof String value && !value.isBlank() ? Optional.of(value.strip())
                : Optional.empty();
    }
}
