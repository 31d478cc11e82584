package io.lanyard.core.config;

import io.lanyard.core.secret.StoredSecret;

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
}
