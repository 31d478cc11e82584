package io.lanyard.plugin.admin;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.ConfigurationService;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IdGenerator;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.diagnostics.DiscoveryReport;
import io.lanyard.core.diagnostics.IdentityProviderCheck;
import io.lanyard.core.entra.GraphCheckReport;
import io.lanyard.core.entra.GraphConnectionCheck;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What each API endpoint does, as plain values in and out; {@link ApiServlet} does HTTP. */
final class ApiResources {

    private static final Logger LOG = LoggerFactory.getLogger(ApiResources.class);

    /** A response: status and the object written as JSON. */
    record Result(int status, Object body) {
    }

    private final ConfigurationService configuration;
    private final IdentityProviderCheck check;
    private final GraphConnectionCheck connectorCheck;
    private final ClientSecretResolver secrets;
    private final BaseUrl baseUrl;
    private final AdminGuard guard;

    ApiResources(ConfigurationService configuration, IdentityProviderCheck check, GraphConnectionCheck connectorCheck,
            ClientSecretResolver secrets, BaseUrl baseUrl, AdminGuard guard) {
        this.configuration = configuration;
        this.check = check;
        this.connectorCheck = connectorCheck;
        this.secrets = secrets;
        this.baseUrl = baseUrl;
        this.guard = guard;
    }

    Result xsrfToken(HttpServletRequest request) {
        return ok(Map.of("token", guard.xsrf().tokenFor(request), "header", XsrfTokens.HEADER));
    }

    Result listIdentityProviders() {
        return ok(configuration.current().identityProviders().stream().map(this::json).toList());
    }

    Result getIdentityProvider(String id) {
        return ok(json(existing(id)));
    }

    Result createIdentityProvider(HttpServletRequest request, IdentityProviderJson body) {
        String id = body.id() == null ? IdGenerator.newIdentityProviderId() : body.id();
        if (configuration.current().identityProvider(id).isPresent()) {
            throw new ApiException(HttpServletResponse.SC_CONFLICT, ErrorCode.CONFIG_INVALID,
                    "an identity provider with this id exists already", List.of(new FieldError("id", "is taken")));
        }
        IdentityProviderConfig config = save(validated(() -> body.toConfig(id, StoredSecret.none())));
        LOG.info("Identity provider {} ({}) added through the API by {}", config.id(), config.displayName(), who(request));
        return new Result(HttpServletResponse.SC_CREATED, json(config));
    }

    Result updateIdentityProvider(HttpServletRequest request, String id, IdentityProviderJson body) {
        IdentityProviderConfig current = existing(id);
        if (body.id() != null && !body.id().equals(id)) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.CONFIG_INVALID,
                    "the id cannot be changed", List.of(new FieldError("id", "must be the id in the URL or absent")));
        }
        IdentityProviderConfig config = save(validated(() -> body.toConfig(id, current.clientSecret())));
        LOG.info("Identity provider {} ({}) saved through the API by {}", config.id(), config.displayName(), who(request));
        return ok(json(config));
    }

    Result deleteIdentityProvider(HttpServletRequest request, String id) {
        existing(id);
        configuration.deleteIdentityProvider(id);
        LOG.info("Identity provider {} deleted through the API by {}", id, who(request));
        return new Result(HttpServletResponse.SC_OK, Map.of("deleted", id));
    }

    Result testIdentityProvider(String id) {
        return ok(CheckViews.report(check.test(existing(id))));
    }

    Result discover(Map<String, String> body) {
        String url = body.get("url");
        DiscoveryReport report = validated(() -> check.discover(url));
        Map<String, Object> result = new java.util.HashMap<>();
        result.put("discoveryUrl", report.discoveryUrl().toString());
        report.metadata().ifPresent(metadata -> result.put("metadata", CheckViews.metadata(metadata)));
        report.failure().ifPresent(failure -> result.put("failure", CheckViews.failure(failure)));
        return ok(result);
    }

    Result listConnectors() {
        return ok(configuration.current().entraConnectors().stream().map(this::json).toList());
    }

    Result getConnector(String id) {
        return ok(json(existingConnector(id)));
    }

    Result createConnector(HttpServletRequest request, EntraConnectorJson body) {
        String id = body.id() == null ? IdGenerator.newConnectorId() : body.id();
        if (configuration.current().entraConnector(id).isPresent()) {
            throw new ApiException(HttpServletResponse.SC_CONFLICT, ErrorCode.CONFIG_INVALID,
                    "an Entra ID connector with this id exists already", List.of(new FieldError("id", "is taken")));
        }
        EntraConnectorConfig config = save(validated(() -> body.toConfig(id, StoredSecret.none())));
        LOG.info("Entra ID connector {} ({}) added through the API by {}", config.id(), config.displayName(),
                who(request));
        return new Result(HttpServletResponse.SC_CREATED, json(config));
    }

    Result updateConnector(HttpServletRequest request, String id, EntraConnectorJson body) {
        EntraConnectorConfig current = existingConnector(id);
        if (body.id() != null && !body.id().equals(id)) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.CONFIG_INVALID,
                    "the id cannot be changed", List.of(new FieldError("id", "must be the id in the URL or absent")));
        }
        EntraConnectorConfig config = save(validated(() -> body.toConfig(id, current.clientSecret())));
        LOG.info("Entra ID connector {} ({}) saved through the API by {}", config.id(), config.displayName(),
                who(request));
        return ok(json(config));
    }

    Result deleteConnector(HttpServletRequest request, String id) {
        existingConnector(id);
        configuration.deleteEntraConnector(id);
        LOG.info("Entra ID connector {} deleted through the API by {}", id, who(request));
        return ok(Map.of("deleted", id));
    }

    Result testConnector(String id) {
        return ok(connectorReport(connectorCheck.test(existingConnector(id))));
    }

    Result export() {
        LanyardConfiguration current = configuration.current();
        return ok(new ConfigurationJson(ConfigurationJson.VERSION,
                current.identityProviders().stream().map(this::json).toList(),
                current.entraConnectors().stream().map(this::json).toList()));
    }

    /**
     * Replaces the whole configuration. A provider or connector whose id exists keeps its stored secret unless the
     * document gives one; a new one has none stored, so its secret comes from the variables (or is set later). When
     * a secret comes from outside, the file gets the placeholder, as on every save. A document without
     * {@code entraConnectors} leaves the connectors as they are.
     */
    Result importConfiguration(HttpServletRequest request, ConfigurationJson body) {
        if (body.version() == null || body.version() != ConfigurationJson.VERSION) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.ADMIN_IMPORT_REFUSED,
                    "version must be " + ConfigurationJson.VERSION);
        }
        LanyardConfiguration current = configuration.current();
        List<FieldError> errors = new ArrayList<>();
        List<IdentityProviderConfig> providers = imported(body.identityProviders(), "identityProviders", errors,
                IdentityProviderJson::id, provider -> provider.toConfig(provider.id(), current.identityProvider(
                        provider.id()).map(IdentityProviderConfig::clientSecret).orElse(StoredSecret.none())));
        List<EntraConnectorConfig> connectors = body.entraConnectors() == null ? current.entraConnectors()
                : imported(body.entraConnectors(), "entraConnectors", errors, EntraConnectorJson::id,
                        connector -> connector.toConfig(connector.id(), current.entraConnector(connector.id())
                                .map(EntraConnectorConfig::clientSecret).orElse(StoredSecret.none())));
        LanyardConfiguration next;
        try {
            if (!errors.isEmpty()) {
                throw new ConfigurationException("import is invalid", errors);
            }
            next = new LanyardConfiguration(providers, connectors);
        } catch (ConfigurationException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.ADMIN_IMPORT_REFUSED,
                    "the configuration was not imported; nothing changed", e.fieldErrors());
        }
        configuration.replace(next);
        LOG.info("Configuration imported through the API by {}: {} identity provider(s), {} Entra ID connector(s)",
                who(request), providers.size(), connectors.size());
        return export();
    }

    /** Builds every item of one list of an import, collecting the errors of all of them under their index. */
    private static <J, C> List<C> imported(List<J> items, String listName, List<FieldError> errors,
            Function<J, String> id, Function<J, C> build) {
        List<C> built = new ArrayList<>();
        List<J> given = items == null ? List.of() : items;
        for (int i = 0; i < given.size(); i++) {
            J item = given.get(i);
            String prefix = listName + "[" + i + "]";
            if (item == null || id.apply(item) == null) {
                errors.add(new FieldError(prefix + ".id", "must be given"));
                continue;
            }
            try {
                built.add(build.apply(item));
            } catch (ConfigurationException e) {
                e.fieldErrors().forEach(error -> errors.add(new FieldError(prefix + "." + error.field(), error.message())));
            }
        }
        return built;
    }

    private IdentityProviderConfig existing(String id) {
        return configuration.current().identityProvider(id).orElseThrow(() -> new ApiException(
                HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND, "no identity provider with this id"));
    }

    private EntraConnectorConfig existingConnector(String id) {
        return configuration.current().entraConnector(id).orElseThrow(() -> new ApiException(
                HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND, "no Entra ID connector with this id"));
    }

    private EntraConnectorConfig save(EntraConnectorConfig config) {
        try {
            return configuration.saveEntraConnector(config);
        } catch (ConfigurationException e) {
            throw invalid(e);
        }
    }

    private IdentityProviderConfig save(IdentityProviderConfig config) {
        try {
            return configuration.saveIdentityProvider(config);
        } catch (ConfigurationException e) {
            throw invalid(e);
        }
    }

    private static <T> T validated(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (ConfigurationException e) {
            throw invalid(e);
        }
    }

    private static ApiException invalid(ConfigurationException e) {
        return new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.CONFIG_INVALID,
                "the identity provider or connector is invalid; nothing changed", e.fieldErrors());
    }

    private IdentityProviderJson json(IdentityProviderConfig config) {
        return IdentityProviderJson.of(config, baseUrl.baseUrl().toString(), SecretSection.of(config, secrets));
    }

    private EntraConnectorJson json(EntraConnectorConfig config) {
        return EntraConnectorJson.of(config, SecretSection.of(config, secrets));
    }

    /** A connector's test result; {@code organization} or {@code failure} (with {@code remoteError} if any). */
    private static Map<String, Object> connectorReport(GraphCheckReport report) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("passed", report.passed());
        result.put("tokenEndpoint", report.tokenEndpoint().toString());
        result.put("graphUrl", report.graphUrl().toString());
        report.organization().ifPresent(organization -> result.put("organization",
                Map.of("id", organization.id(), "displayName", organization.displayName())));
        report.failure().ifPresent(failure -> result.put("failure", CheckViews.failure(failure)));
        report.remoteError().ifPresent(remote -> result.put("remoteError",
                Map.of("code", remote.code(), "description", remote.description())));
        return result;
    }

    private String who(HttpServletRequest request) {
        return guard.username(request).orElse("-");
    }

    private static Result ok(Object body) {
        return new Result(HttpServletResponse.SC_OK, body);
    }

}
