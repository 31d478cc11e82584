package io.lanyard.core.config;

import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One Microsoft Entra ID connector (Lanyard's client of Microsoft Graph, e.g. for user and group lookups),
 * validated and immutable. Build it with {@link #builder()} (an existing connector's id) or {@link #newConnector()}
 * (a new, generated id); the builder refuses an invalid connector with every reason at once.
 *
 * @param id           12 lower-case letters and digits, e.g. {@code wdlfqm6se9un}; part of the per-connector
 *                     secret name, so it never changes once created
 * @param displayName  shown to administrators
 * @param enabled      disabled connectors are kept but never used
 * @param tenantId     the directory (tenant) id, a GUID, or one of the tenant's verified domains
 * @param clientId     the application (client) id, a GUID
 * @param clientSecret what {@code connector.xml} holds; resolved at start by the secret resolver
 * @param nextClientSecret the next secret of a rotation ({@code CLIENT_SECRET_NEXT}), or none
 * @param clientSecretExpiresOn when the current secret expires, as entered (Graph says it too, see the README)
 * @param clientAuthMethod {@code client_secret_post} (the secret) or {@code private_key_jwt} (Lanyard's certificate)
 * @param nationalCloud the cloud the tenant lives in: its sign-in authority and default Graph endpoint
 * @param graphBaseUrl an explicit Microsoft Graph base URL instead of the cloud's (e.g. US Government DoD)
 * @param sync         the scheduled directory sync of this tenant's users and groups (issue 20); off by default
 */
public record EntraConnectorConfig(
        String id,
        String displayName,
        boolean enabled,
        String tenantId,
        String clientId,
        StoredSecret clientSecret,
        StoredSecret nextClientSecret,
        Optional<LocalDate> clientSecretExpiresOn,
        ClientAuthMethod clientAuthMethod,
        NationalCloud nationalCloud,
        Optional<URI> graphBaseUrl,
        DirectorySyncSettings sync) implements Integration {

    public EntraConnectorConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(nextClientSecret, "nextClientSecret");
        Objects.requireNonNull(clientSecretExpiresOn, "clientSecretExpiresOn");
        Objects.requireNonNull(clientAuthMethod, "clientAuthMethod");
        Objects.requireNonNull(nationalCloud, "nationalCloud");
        Objects.requireNonNull(graphBaseUrl, "graphBaseUrl");
        Objects.requireNonNull(sync, "sync");
    }

    /** A builder for a connector that exists already: its id must be given. */
    public static EntraConnectorConfigBuilder builder() {
        return new EntraConnectorConfigBuilder(null);
    }

    /** A builder for a new connector, with a newly generated id that cannot be changed. */
    public static EntraConnectorConfigBuilder newConnector() {
        return new EntraConnectorConfigBuilder(IdGenerator.newConnectorId());
    }

    /** A builder holding this connector's values, to change some and build again; the id stays. */
    public EntraConnectorConfigBuilder toBuilder() {
        return EntraConnectorConfigBuilder.from(this);
    }

    /** The Graph endpoint in use: the explicit one, or the national cloud's. */
    public URI effectiveGraphBaseUrl() {
        return graphBaseUrl.orElse(nationalCloud.graphBaseUrl());
    }

    /** Never prints the secret: {@link StoredSecret} only says what kind of value the file holds. */
    @Override
    public String toString() {
        return "EntraConnectorConfig[id=" + id + ", displayName=" + displayName + ", enabled=" + enabled
                + ", tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret=" + clientSecret
                + ", nextClientSecret=" + nextClientSecret + ", clientAuthMethod=" + clientAuthMethod.wireName()
                + ", nationalCloud=" + nationalCloud + ", graphBaseUrl=" + graphBaseUrl.map(URI::toString).orElse("")
                + ", sync=" + sync + "]";
    }
}
