package io.lanyard.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configuration at one moment: every integration of every {@link IntegrationKind}, immutable, validated as
 * a whole (ids unique within a kind), and swapped as a whole so that a running login never sees half of a change.
 */
public final class LanyardConfiguration {

    private static final LanyardConfiguration EMPTY = new LanyardConfiguration(Map.of());

    /** Every kind of {@link IntegrationKind#ALL}, in that order, with its integrations in their order. */
    private final Map<IntegrationKind<?>, List<? extends Integration>> integrations;

    private LanyardConfiguration(Map<IntegrationKind<?>, List<? extends Integration>> given) {
        Map<IntegrationKind<?>, List<? extends Integration>> all = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (IntegrationKind<?> kind : IntegrationKind.ALL) {
            List<? extends Integration> items = List.copyOf(given.getOrDefault(kind, List.of()));
            Set<String> ids = new HashSet<>();
            for (Integration item : items) {
                kind.type().cast(item);
                if (!ids.add(item.id())) {
                    errors.add(new FieldError("id", kind.label() + " id " + item.id() + " is used twice"));
                }
            }
            all.put(kind, items);
        }
        errors.addAll(emailDomainsClaimedTwice(all.get(IntegrationKind.IDENTITY_PROVIDER)));
        if (!errors.isEmpty()) {
            throw new ConfigurationException("configuration is invalid", errors);
        }
        this.integrations = all;
    }

    /**
     * An e-mail domain leads to one provider: two that claim the same domain (written the same way) would make the
     * e-mail routing guess.
     */
    private static List<FieldError> emailDomainsClaimedTwice(List<? extends Integration> providers) {
        Map<String, String> claimedBy = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Integration item : providers) {
            IdentityProviderConfig provider = (IdentityProviderConfig) item;
            for (String domain : provider.signIn().emailDomains()) {
                String earlier = claimedBy.putIfAbsent(domain, provider.id());
                if (earlier != null && !earlier.equals(provider.id())) {
                    errors.add(new FieldError("emailDomains", "e-mail domain " + domain + " is claimed by identity "
                            + "providers " + earlier + " and " + provider.id() + "; give it to one of them"));
                }
            }
        }
        return errors;
    }

    /**
     * @param identityProviders the OpenID Connect providers of {@code provider.xml}
     * @param entraConnectors   the Entra ID connectors of {@code connector.xml}
     * @throws ConfigurationException when an id is used twice within a kind
     */
    public LanyardConfiguration(List<IdentityProviderConfig> identityProviders,
            List<EntraConnectorConfig> entraConnectors) {
        this(Map.of(IntegrationKind.IDENTITY_PROVIDER, identityProviders,
                IntegrationKind.ENTRA_CONNECTOR, entraConnectors));
    }

    /** Identity providers only, no other integration. */
    public LanyardConfiguration(List<IdentityProviderConfig> identityProviders) {
        this(Map.of(IntegrationKind.IDENTITY_PROVIDER, identityProviders));
    }

    /**
     * Every kind's integrations at once (a kind not given has none).
     *
     * @throws ConfigurationException listing every id used twice within a kind
     */
    public static LanyardConfiguration of(Map<IntegrationKind<?>, List<? extends Integration>> integrations) {
        return new LanyardConfiguration(integrations);
    }

    public static LanyardConfiguration empty() {
        return EMPTY;
    }

    /** The integrations of one kind, in order. */
    @SuppressWarnings("unchecked")
    public <C extends Integration> List<C> all(IntegrationKind<C> kind) {
        return (List<C>) integrations.get(kind);
    }

    public <C extends Integration> Optional<C> find(IntegrationKind<C> kind, String id) {
        return all(kind).stream().filter(item -> item.id().equals(id)).findFirst();
    }

    /**
     * The same configuration with these integrations of {@code kind} (e.g. those of its file).
     *
     * @throws ConfigurationException when an id is used twice
     */
    public <C extends Integration> LanyardConfiguration with(IntegrationKind<C> kind, List<C> items) {
        Map<IntegrationKind<?>, List<? extends Integration>> next = new LinkedHashMap<>(integrations);
        next.put(kind, items);
        return new LanyardConfiguration(next);
    }

    public List<IdentityProviderConfig> identityProviders() {
        return all(IntegrationKind.IDENTITY_PROVIDER);
    }

    public Optional<IdentityProviderConfig> identityProvider(String id) {
        return find(IntegrationKind.IDENTITY_PROVIDER, id);
    }

    /** Those a login may use, in order. */
    public List<IdentityProviderConfig> enabledIdentityProviders() {
        return identityProviders().stream().filter(IdentityProviderConfig::enabled).toList();
    }

    /** The API access token issuers that are enabled, in order. */
    public List<TokenIssuerConfig> enabledTokenIssuers() {
        return all(IntegrationKind.TOKEN_ISSUER).stream().filter(TokenIssuerConfig::enabled).toList();
    }

    /** The CI trust policies that are enabled, in order. */
    public List<CiTrustPolicy> enabledCiTrustPolicies() {
        return all(IntegrationKind.CI_TRUST_POLICY).stream().filter(CiTrustPolicy::enabled).toList();
    }

    public List<EntraConnectorConfig> entraConnectors() {
        return all(IntegrationKind.ENTRA_CONNECTOR);
    }

    public Optional<EntraConnectorConfig> entraConnector(String id) {
        return find(IntegrationKind.ENTRA_CONNECTOR, id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LanyardConfiguration && ((LanyardConfiguration) other)
                .integrations.equals(integrations);
    }

    @Override
    public int hashCode() {
        return integrations.hashCode();
    }

    /** Each integration prints without its secret. */
    @Override
    public String toString() {
        return "LanyardConfiguration" + integrations.values();
    }
}
