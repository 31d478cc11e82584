package io.lanyard.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configuration at one moment: immutable, validated as a whole (ids unique), and swapped as a whole
 * so that a running login never sees half of a change.
 *
 * @param identityProviders the OpenID Connect providers of {@code provider.xml}
 * @param entraConnectors   the Entra ID connectors of {@code connector.xml}
 */
public record LanyardConfiguration(List<IdentityProviderConfig> identityProviders,
        List<EntraConnectorConfig> entraConnectors) {

    public LanyardConfiguration {
        identityProviders = List.copyOf(identityProviders);
        entraConnectors = List.copyOf(entraConnectors);
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (IdentityProviderConfig provider : identityProviders) {
            if (!ids.add(provider.id())) {
                errors.add(new FieldError("id", "identity provider id " + provider.id() + " is used twice"));
            }
        }
        Set<String> connectorIds = new HashSet<>();
        for (EntraConnectorConfig connector : entraConnectors) {
            if (!connectorIds.add(connector.id())) {
                errors.add(new FieldError("id", "Entra ID connector id " + connector.id() + " is used twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException("configuration is invalid", errors);
        }
    }

    /** Identity providers only, no connectors. */
    public LanyardConfiguration(List<IdentityProviderConfig> identityProviders) {
        this(identityProviders, List.of());
    }

    public static LanyardConfiguration empty() {
        return new LanyardConfiguration(List.of(), List.of());
    }

    /** The same identity providers with these connectors (e.g. those of {@code connector.xml}). */
    public LanyardConfiguration withEntraConnectors(List<EntraConnectorConfig> connectors) {
        return new LanyardConfiguration(identityProviders, connectors);
    }

    /** The same connectors with these identity providers. */
    public LanyardConfiguration withIdentityProviders(List<IdentityProviderConfig> providers) {
        return new LanyardConfiguration(providers, entraConnectors);
    }

    public Optional<IdentityProviderConfig> identityProvider(String id) {
        return identityProviders.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<IdentityProviderConfig> enabledIdentityProviders() {
        return identityProviders.stream().filter(IdentityProviderConfig::enabled).toList();
    }

    public Optional<EntraConnectorConfig> entraConnector(String id) {
        return entraConnectors.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
