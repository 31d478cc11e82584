package io.lanyard.core.config;

import io.lanyard.core.secret.SecretOwner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One kind of {@link Integration}, and everything about it that code handling every kind alike needs: its name, its
 * ids, its builder and whose client secret it holds. Adding a kind means a record, its builder, one constant here
 * (and in {@link #ALL}), and the parts that truly differ: its XML elements, admin form, JSON fields and "Test".
 *
 * @param <C> the kind's configuration record
 */
public final class IntegrationKind<C extends Integration> {

    /** OpenID Connect identity providers, in {@code provider.xml}; ids of 1 to 64 letters and digits. */
    public static final IntegrationKind<IdentityProviderConfig> IDENTITY_PROVIDER = new IntegrationKind<>(
            "identity provider", IdentityProviderConfig.class, "[A-Za-z0-9]{1,64}", IdGenerator::newIdentityProviderId,
            IdentityProviderConfig::builder, IdentityProviderConfig::toBuilder, SecretOwner.Kind.IDENTITY_PROVIDER,
            // the secret goes to the token endpoint of the discovery document at this URL, for this issuer
            provider -> List.of(provider.discoveryUrl().toString(), provider.issuer()));

    /** Microsoft Entra ID connectors, in {@code connector.xml}; ids of 12 lower-case letters and digits. */
    public static final IntegrationKind<EntraConnectorConfig> ENTRA_CONNECTOR = new IntegrationKind<>(
            "Entra ID connector", EntraConnectorConfig.class, "[a-z0-9]{12}", IdGenerator::newConnectorId,
            EntraConnectorConfig::builder, EntraConnectorConfig::toBuilder, SecretOwner.Kind.CONNECTOR,
            // the secret goes to the token endpoint of this tenant at this cloud's sign-in authority
            connector -> List.of(connector.nationalCloud().name(), connector.tenantId()));

    /** Issuers of access tokens for the REST API ("API access"), in {@code token-issuer.xml}; ids like connectors'. */
    public static final IntegrationKind<TokenIssuerConfig> TOKEN_ISSUER = new IntegrationKind<>(
            "token issuer", TokenIssuerConfig.class, "[a-z0-9]{12}", IdGenerator::newConnectorId,
            TokenIssuerConfig::builder, TokenIssuerConfig::toBuilder, SecretOwner.Kind.TOKEN_ISSUER,
            // the secret goes to this introspection endpoint and (for "Test") this token endpoint
            issuer -> List.of(issuer.introspectionEndpoint().map(Object::toString).orElse(""),
                    issuer.tokenEndpoint().map(Object::toString).orElse("")));

    /** Trust policies for CI job tokens ("CI jobs without secrets"), in {@code ci-trust.xml}; they own no secret. */
    public static final IntegrationKind<CiTrustPolicy> CI_TRUST_POLICY = new IntegrationKind<>(
            "CI trust policy", CiTrustPolicy.class, "[a-z0-9]{12}", IdGenerator::newConnectorId,
            CiTrustPolicy::builder, CiTrustPolicy::toBuilder, null, null);

    /** Every kind, in the order the configuration holds, stores and exports them. */
    public static final List<IntegrationKind<?>> ALL = List.of(IDENTITY_PROVIDER, ENTRA_CONNECTOR, TOKEN_ISSUER,
            CI_TRUST_POLICY);

    private final String label;
    private final Class<C> type;
    private final Pattern id;
    private final Supplier<String> newId;
    private final Supplier<? extends IntegrationBuilder<C>> builder;
    private final Function<C, ? extends IntegrationBuilder<C>> toBuilder;
    private final SecretOwner.Kind secretOwnerKind;
    private final Function<C, List<String>> secretRecipient;

    /**
     * @param secretOwnerKind whose names the kind's client secret is resolved under; null for a kind that owns none
     * @param secretRecipient the settings that say where the client secret is sent; null for a kind that owns none
     */
    private IntegrationKind(String label, Class<C> type, String idPattern, Supplier<String> newId,
            Supplier<? extends IntegrationBuilder<C>> builder, Function<C, ? extends IntegrationBuilder<C>> toBuilder,
            SecretOwner.Kind secretOwnerKind, Function<C, List<String>> secretRecipient) {
        this.label = Objects.requireNonNull(label, "label");
        this.type = Objects.requireNonNull(type, "type");
        this.id = Pattern.compile(idPattern);
        this.newId = Objects.requireNonNull(newId, "newId");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.toBuilder = Objects.requireNonNull(toBuilder, "toBuilder");
        this.secretOwnerKind = secretOwnerKind;
        this.secretRecipient = secretRecipient;
        if ((secretOwnerKind == null) != (secretRecipient == null)) {
            throw new IllegalArgumentException("a kind that owns a secret says where it is sent, and only such a kind");
        }
    }

    /** The kind of {@code integration}. */
    @SuppressWarnings("unchecked")
    public static <C extends Integration> IntegrationKind<C> of(C integration) {
        for (IntegrationKind<?> kind : ALL) {
            if (kind.type.isInstance(integration)) {
                return (IntegrationKind<C>) kind;
            }
        }
        throw new IllegalArgumentException("not an integration of a known kind: " + integration.getClass());
    }

    /** E.g. {@code identity provider}: for messages and the log. */
    public String label() {
        return label;
    }

    /** E.g. {@code Identity provider}: for the start of a log line. */
    public String capitalizedLabel() {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    public Class<C> type() {
        return type;
    }

    /** Whether {@code candidate} has the shape of this kind's ids (and so may be quoted or looked up). */
    public boolean isWellFormedId(String candidate) {
        return candidate != null && id.matcher(candidate).matches();
    }

    /** A new random id of this kind's shape. */
    public String newId() {
        return newId.get();
    }

    /** An empty builder; its id must be given. */
    public IntegrationBuilder<C> builder() {
        return builder.get();
    }

    /** A builder holding {@code integration}'s values, to change some and build again (validated again). */
    public IntegrationBuilder<C> toBuilder(C integration) {
        return toBuilder.apply(integration);
    }

    /** The same integration, enabled or disabled. */
    public C withEnabled(C integration, boolean enabled) {
        return toBuilder(integration).enabled(enabled).build();
    }

    /** Whether integrations of this kind own a client secret. */
    public boolean ownsSecret() {
        return secretOwnerKind != null;
    }

    /** Whose client secret the integration {@code id} holds; empty for a kind that owns none. */
    public Optional<SecretOwner> secretOwner(String integrationId) {
        return Optional.ofNullable(secretOwnerKind).map(kind -> new SecretOwner(kind, integrationId));
    }

    /**
     * Whether {@code before} and {@code after} send their client secret to the same place (for an identity provider:
     * the same discovery URL and issuer). A secret stored for one place must not follow a change to another, where
     * someone else's token endpoint would receive it.
     *
     * @throws IllegalArgumentException if this kind owns no secret
     */
    public boolean sameSecretRecipient(C before, C after) {
        if (secretRecipient == null) {
            throw new IllegalArgumentException(label + "s own no client secret");
        }
        return secretRecipient.apply(before).equals(secretRecipient.apply(after));
    }

    @Override
    public String toString() {
        return label;
    }
}
