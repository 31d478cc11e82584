package io.lanyard.core.secret;

import java.util.Objects;

/**
 * Whose client secret it is: an OpenID Connect identity provider ({@code provider.xml}) or an Entra ID connector
 * ({@code connector.xml}), by id. Knows its names (the order they are looked up in is the resolver's).
 *
 * @param kind which configuration file the owner lives in
 * @param id   the owner's id, which appears in the per-id property name with its case kept
 */
public record SecretOwner(Kind kind, String id) {

    public enum Kind {
        IDENTITY_PROVIDER("identity provider", "provider.xml", SecretPropertyNames.IDENTITY_PROVIDER_STATIC),
        CONNECTOR("Entra ID connector", "connector.xml", SecretPropertyNames.CONNECTOR_STATIC),
        TOKEN_ISSUER("token issuer", "token-issuer.xml", SecretPropertyNames.TOKEN_ISSUER_STATIC);

        private final String description;
        private final String fileName;
        private final String staticPropertyName;

        Kind(String description, String fileName, String staticPropertyName) {
            this.description = description;
            this.fileName = fileName;
            this.staticPropertyName = staticPropertyName;
        }

        /** For messages, e.g. {@code identity provider}. */
        public String description() {
            return description;
        }

        /** The configuration file whose {@code CLIENT_SECRET} element is the last place looked at. */
        public String fileName() {
            return fileName;
        }
    }

    public SecretOwner {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static SecretOwner identityProvider(String id) {
        return new SecretOwner(Kind.IDENTITY_PROVIDER, id);
    }

    public static SecretOwner connector(String id) {
        return new SecretOwner(Kind.CONNECTOR, id);
    }

    public static SecretOwner tokenIssuer(String id) {
        return new SecretOwner(Kind.TOKEN_ISSUER, id);
    }

    /** The name for this owner only: what the admin UI offers to copy. */
    public String propertyName() {
        return switch (kind) {
            case IDENTITY_PROVIDER -> SecretPropertyNames.identityProvider(id);
            case CONNECTOR -> SecretPropertyNames.connector(id);
            case TOKEN_ISSUER -> SecretPropertyNames.tokenIssuer(id);
        };
    }

    /** The name shared by every owner of this kind. */
    public String staticPropertyName() {
        return kind.staticPropertyName;
    }

    /** For messages, e.g. {@code identity provider GOxXFuPXJgiyAwuXugVG}. */
    @Override
    public String toString() {
        return kind.description + " " + id;
    }
}
