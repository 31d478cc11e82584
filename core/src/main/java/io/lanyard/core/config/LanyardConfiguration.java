package io.lanyard.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configuration at one moment: immutable, validated as a whole (ids unique), and swapped as a whole
 * so that a running login never sees half of a change.
 */
public record LanyardConfiguration(List<IdentityProviderConfig> identityProviders) {

    public LanyardConfiguration {
        identityProviders = List.copyOf(identityProviders);
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (IdentityProviderConfig provider : identityProviders) {
            if (!ids.add(provider.id())) {
                errors.add(new FieldError("id", "identity provider id " + provider.id() + " is used twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException("configuration is invalid", errors);
        }
    }

    public static LanyardConfiguration empty() {
        return new LanyardConfiguration(List.of());
    }

    public Optional<IdentityProviderConfig> identityProvider(String id) {
        return identityProviders.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<IdentityProviderConfig> enabledIdentityProviders() {
        return identityProviders.stream().filter(IdentityProviderConfig::enabled).toList();
    }
}
