package io.lanyard.core.config;

import io.lanyard.core.http.Urls;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds a valid {@link EntraConnectorConfig} or reports every field that is wrong. The one place the rules of a
 * connector live: {@code connector.xml} and the admin UI both build through here.
 */
public final class EntraConnectorConfigBuilder implements IntegrationBuilder<EntraConnectorConfig> {

    /** The shape {@link IdGenerator#newConnectorId()} generates and the specification's example shows. */
    private static final Pattern ID = Pattern.compile("[a-z0-9]{12}");
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    // A DNS name of at least two labels (RFC 1123), e.g. contoso.onmicrosoft.com: a tenant's verified domain.
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]");

    /** Set when the id is fixed: a generated one, or an existing connector's. */
    private final String fixedId;
    private String id;
    private String displayName;
    private boolean enabled = true;
    private String tenantId;
    private String clientId;
    private StoredSecret clientSecret = StoredSecret.none();
    private StoredSecret nextClientSecret = StoredSecret.none();
    private LocalDate clientSecretExpiresOn;
    private ClientAuthMethod clientAuthMethod = ClientAuthMethod.CLIENT_SECRET_POST;
    private NationalCloud nationalCloud = NationalCloud.GLOBAL;
    private String graphBaseUrl;
    private DirectorySyncSettingsBuilder sync = DirectorySyncSettings.builder();

    EntraConnectorConfigBuilder(String fixedId) {
        this.fixedId = fixedId;
        this.id = fixedId;
    }

    static EntraConnectorConfigBuilder from(EntraConnectorConfig config) {
        EntraConnectorConfigBuilder builder = new EntraConnectorConfigBuilder(config.id());
        builder.displayName = config.displayName();
        builder.enabled = config.enabled();
        builder.tenantId = config.tenantId();
        builder.clientId = config.clientId();
        builder.clientSecret = config.clientSecret();
        builder.nextClientSecret = config.nextClientSecret();
        builder.clientSecretExpiresOn = config.clientSecretExpiresOn().orElse(null);
        builder.clientAuthMethod = config.clientAuthMethod();
        builder.nationalCloud = config.nationalCloud();
        builder.graphBaseUrl = config.graphBaseUrl().map(URI::toString).orElse(null);
        builder.sync = config.sync().toBuilder();
        return builder;
    }

    public EntraConnectorConfigBuilder id(String value) { this.id = value; return this; }
    public EntraConnectorConfigBuilder displayName(String value) { this.displayName = value; return this; }
    public EntraConnectorConfigBuilder enabled(boolean value) { this.enabled = value; return this; }
    public EntraConnectorConfigBuilder tenantId(String value) { this.tenantId = value; return this; }
    public EntraConnectorConfigBuilder clientId(String value) { this.clientId = value; return this; }
    public EntraConnectorConfigBuilder clientSecret(StoredSecret value) { this.clientSecret = value; return this; }
    public EntraConnectorConfigBuilder nextClientSecret(StoredSecret value) { this.nextClientSecret = value; return this; }
    public EntraConnectorConfigBuilder clientSecretExpiresOn(LocalDate value) { this.clientSecretExpiresOn = value; return this; }
    /** {@code client_secret_post} (the default) or {@code private_key_jwt}. */
    public EntraConnectorConfigBuilder clientAuthMethod(ClientAuthMethod value) { this.clientAuthMethod = value; return this; }
    public EntraConnectorConfigBuilder nationalCloud(NationalCloud value) { this.nationalCloud = value; return this; }
    /** Optional: empty means the national cloud's Graph endpoint. */
    public EntraConnectorConfigBuilder graphBaseUrl(String value) { this.graphBaseUrl = value; return this; }
    /** The directory sync part, to set its values in place. */
    public DirectorySyncSettingsBuilder sync() { return sync; }
    /** Replaces the directory sync part with these settings. */
    public EntraConnectorConfigBuilder sync(DirectorySyncSettings value) { this.sync = value.toBuilder(); return this; }

    /**
     * @throws ConfigurationException listing every invalid field
     */
    public EntraConnectorConfig build() {
        List<FieldError> errors = new ArrayList<>();
        String checkedId = checkedId(errors);
        String checkedName = FieldChecks.requireText(errors, "displayName", displayName, 200);
        String checkedTenant = checkedTenantId(errors);
        String checkedClientId = checkedGuid(errors, "clientId", clientId, "must be the application (client) id, a GUID");
        Optional<URI> checkedGraph = checkedGraphBaseUrl(errors);
        FieldChecks.requireSecrets(errors, clientSecret, nextClientSecret);
        // Microsoft identity platform, client credentials flow: a secret in the body, or a certificate's assertion.
        if (clientAuthMethod != ClientAuthMethod.CLIENT_SECRET_POST && clientAuthMethod != ClientAuthMethod.PRIVATE_KEY_JWT) {
            errors.add(new FieldError("clientAuthMethod", "must be client_secret_post or private_key_jwt"));
        }
        if (nationalCloud == null) {
            errors.add(new FieldError("nationalCloud", "must be GLOBAL, US_GOV or CHINA"));
        }
        DirectorySyncSettings checkedSync = sync.build(errors);
        if (!errors.isEmpty()) {
            throw new ConfigurationException("Entra ID connector " + (id == null ? "(no id)" : id) + " is invalid",
                    errors);
        }
        return new EntraConnectorConfig(checkedId, checkedName, enabled, checkedTenant, checkedClientId, clientSecret,
                nextClientSecret, Optional.ofNullable(clientSecretExpiresOn), clientAuthMethod, nationalCloud,
                checkedGraph, checkedSync);
    }

    /** The id is part of the per-connector secret name an administrator has put into start scripts. */
    private String checkedId(List<FieldError> errors) {
        if (fixedId != null && !fixedId.equals(id)) {
            errors.add(new FieldError("id", "cannot be changed: it is part of the connector's client secret name"));
            return null;
        }
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be 12 lower-case letters and digits"));
            return null;
        }
        return id;
    }

    private String checkedTenantId(List<FieldError> errors) {
        String value = tenantId == null ? "" : tenantId.strip();
        if (value.isEmpty()) {
            errors.add(new FieldError("tenantId", "must be given"));
            return null;
        }
        if (!GUID.matcher(value).matches() && !DOMAIN.matcher(value).matches()) {
            errors.add(new FieldError("tenantId",
                    "must be the directory (tenant) id, a GUID, or a verified domain such as contoso.onmicrosoft.com"));
            return null;
        }
        return value;
    }

    private static String checkedGuid(List<FieldError> errors, String field, String value, String rule) {
        String stripped = value == null ? "" : value.strip();
        if (!GUID.matcher(stripped).matches()) {
            errors.add(new FieldError(field, rule));
            return null;
        }
        return stripped;
    }

    /** https only (plain http only for localhost, as for providers), no query, fragment or credentials. */
    private Optional<URI> checkedGraphBaseUrl(List<FieldError> errors) {
        if (graphBaseUrl == null || graphBaseUrl.isBlank()) {
            return Optional.empty();
        }
        String text = graphBaseUrl.strip();
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            errors.add(new FieldError("graphBaseUrl", "is not a valid URL"));
            return Optional.empty();
        }
        if (!uri.isAbsolute() || !Urls.isHttpsOrLoopbackHttp(uri)) {
            errors.add(new FieldError("graphBaseUrl", "must be an absolute https URL"));
            return Optional.empty();
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            errors.add(new FieldError("graphBaseUrl", "must not contain a query, a fragment or user credentials"));
            return Optional.empty();
        }
        return Optional.of(uri);
    }
}
