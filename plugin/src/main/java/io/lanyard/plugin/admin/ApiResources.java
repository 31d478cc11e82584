package io.lanyard.plugin.admin;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.ConfigurationService;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IdGenerator;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.diagnostics.DiscoveryReport;
import io.lanyard.core.diagnostics.IdentityProviderCheck;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.secret.ClientSecretResolver;
import io.lanyard.core.secret.StoredSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final ClientSecretResolver secrets;
    private final BaseUrl baseUrl;
    private final AdminGuard guard;

    ApiResources(ConfigurationService configuration, IdentityProviderCheck check, ClientSecretResolver secrets,
            BaseUrl baseUrl, AdminGuard guard) {
        this.configuration = configuration;
        this.check = check;
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
        IdentityProviderConfig config = validated(() -> body.toConfig(id, StoredSecret.none()));
        save(config);
        LOG.info("Identity provider {} ({}) added through the API by {}", config.id(), config.displayName(), who(request));
        return new Result(HttpServletResponse.SC_CREATED, json(config));
    }

    Result updateIdentityProvider(HttpServletRequest request, String id, IdentityProviderJson body) {
        IdentityProviderConfig current = existing(id);
        if (body.id() != null && !body.id().equals(id)) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.CONFIG_INVALID,
                    "the id cannot be changed", List.of(new FieldError("id", "must be the id in the URL or absent")));
        }
        IdentityProviderConfig config = validated(() -> body.toConfig(id, current.clientSecret()));
        save(config);
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

    Result export() {
        return ok(new ConfigurationJson(ConfigurationJson.VERSION,
                configuration.current().identityProviders().stream().map(this::json).toList()));
    }

    /**
     * Replaces the whole configuration. A provider whose id exists keeps its stored secret unless the document
     * gives one; a new provider has none stored, so its secret comes from the variables (or is set later).
     */
    Result importConfiguration(HttpServletRequest request, ConfigurationJson body) {
        if (body.version() == null || body.version() != ConfigurationJson.VERSION) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.ADMIN_IMPORT_REFUSED,
                    "version must be " + ConfigurationJson.VERSION);
        }
        List<IdentityProviderJson> providers = body.identityProviders() == null ? List.of() : body.identityProviders();
        LanyardConfiguration current = configuration.current();
        List<IdentityProviderConfig> imported = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            IdentityProviderJson provider = providers.get(i);
            if (provider == null || provider.id() == null) {
                errors.add(new FieldError("identityProviders[" + i + "].id", "must be given"));
                continue;
            }
            StoredSecret stored = current.identityProvider(provider.id()).map(IdentityProviderConfig::clientSecret)
                    .orElse(StoredSecret.none());
            try {
                imported.add(provider.toConfig(provider.id(), stored));
            } catch (ConfigurationException e) {
                int index = i;
                e.fieldErrors().forEach(error -> errors.add(
                        new FieldError("identityProviders[" + index + "]." + error.field(), error.message())));
            }
        }
        LanyardConfiguration next;
        try {
            if (!errors.isEmpty()) {
                throw new ConfigurationException("import is invalid", errors);
            }
            next = current.withIdentityProviders(imported);
        } catch (ConfigurationException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.ADMIN_IMPORT_REFUSED,
                    "the configuration was not imported; nothing changed", e.fieldErrors());
        }
        configuration.replace(next);
        LOG.info("Configuration imported through the API by {}: {} identity provider(s)", who(request), imported.size());
        return export();
    }

    private IdentityProviderConfig existing(String id) {
        return configuration.current().identityProvider(id).orElseThrow(() -> new ApiException(
                HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND, "no identity provider with this id"));
    }

    private void save(IdentityProviderConfig config) {
        try {
            configuration.saveIdentityProvider(config);
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
                "the identity provider is invalid; nothing changed", e.fieldErrors());
    }

    private IdentityProviderJson json(IdentityProviderConfig config) {
        return IdentityProviderJson.of(config, baseUrl.baseUrl().toString(),
                SecretSection.ofIdentityProvider(config.id(), config.clientSecret(), secrets));
    }

    private String who(HttpServletRequest request) {
        return guard.username(request).orElse("-");
    }

    private static Result ok(Object body) {
        return new Result(HttpServletResponse.SC_OK, body);
    }

}
