package io.lanyard.core.config;

import io.lanyard.core.secret.StoredSecret;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One configured integration, of any kind: an OpenID Connect identity provider, an Entra ID connector, and the kinds
 * still to come. What every kind has, and all that the configuration files, the admin pages, the JSON API,
 * export/import and the client secret's resolution rely on: an id, a display name, whether it is enabled, and the
 * client secret it owns. Each kind is an immutable record, validated by its builder ({@link IntegrationBuilder}) on
 * every way in (file, admin page, API), and described by its {@link IntegrationKind}.
 */
public interface Integration {

    /** Stable: part of property names and URLs, so it never changes once created; its shape is the kind's. */
    String id();

    /** Shown to administrators (and for identity providers, to people signing in). */
    String displayName();

    /** A disabled integration is kept but never used. */
    boolean enabled();

    /**
     * What the configuration file holds for the client secret this integration owns; resolved by
     * {@code ClientSecretResolver} under the names of its {@link IntegrationKind#secretOwner(String)}.
     * {@link StoredSecret#none()} for a kind that owns no secret.
     */
    StoredSecret clientSecret();

    /**
     * How the integration authenticates at its token endpoint: with its client secret, or with Lanyard's signing key
     * ({@code private_key_jwt}, which needs no secret). {@code client_secret_basic} for a kind that says nothing.
     */
    default ClientAuthMethod clientAuthMethod() {
        return ClientAuthMethod.CLIENT_SECRET_BASIC;
    }

    /**
     * What the configuration file holds for the next client secret of a rotation ({@code CLIENT_SECRET_NEXT}), tried
     * when the provider refuses the current one. {@link StoredSecret#none()} when no rotation is under way, and for a
     * kind that owns no secret.
     */
    default StoredSecret nextClientSecret() {
        return StoredSecret.none();
    }

    /**
     * When the current client secret expires, as the administrator entered it ({@code CLIENT_SECRET_EXPIRES_ON}):
     * Lanyard warns 30, 14 and 3 days before. For Entra ID, Microsoft Graph says it without being told.
     */
    default Optional<LocalDate> clientSecretExpiresOn() {
        return Optional.empty();
    }
}
