package io.lanyard.plugin.admin.api;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.plugin.admin.AdminGuard;
import io.lanyard.plugin.admin.XsrfTokens;
import io.lanyard.plugin.admin.integration.IntegrationAdmin;
import io.lanyard.plugin.admin.integration.IntegrationAdmins;
import io.lanyard.plugin.admin.integration.IntegrationJson;
import io.lanyard.plugin.admin.integration.SecretSections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each API endpoint does, as plain values in and out, for every kind of integration alike; {@link ApiServlet}
 * does HTTP. {@code who} is the administrator's name for the log. Generic methods take no servlet type: the
 * transformer that derives the jakarta jars leaves {@code javax.servlet} in their signatures (JakartaJarsIT).
 */
final class ApiResources {

    private static final Logger LOG = LoggerFactory.getLogger(ApiResources.class);

    /** A response: status and the object written as JSON. */
    record Result(int status, Object body) {
    }

    private final ConfigurationService configuration;
    private final IntegrationAdmins integrations;
    private final SecretSections secrets;
    private final AdminGuard guard;

    ApiResources(ConfigurationService configuration, IntegrationAdmins integrations, SecretSections secrets,
            AdminGuard guard) {
        this.configuration = configuration;
        this.integrations = integrations;
        this.secrets = secrets;
        this.guard = guard;
    }

    Result xsrfToken(HttpServletRequest request) {
        return ok(Map.of("token", guard.xsrf().tokenFor(request), "header", XsrfTokens.HEADER));
    }

    <C extends Integration> Result list(IntegrationAdmin<C, ?> admin) {
        return ok(configuration.current().all(admin.kind()).stream().map(config -> json(admin, config)).toList());
    }

    /** One integration, with what every node uses of its secret. */
    <C extends Integration> Result get(IntegrationAdmin<C, ?> admin, String id) {
        C config = existing(admin.kind(), id);
        return ok(admin.toJson(config, admin.kind().ownsSecret()
                ? secrets.of(config, secrets.nodes(configuration.current())) : null));
    }

    <C extends Integration> Result create(String who, IntegrationAdmin<C, ?> admin, IntegrationJson<C> body) {
        IntegrationKind<C> kind = admin.kind();
        String id = body.id() == null ? kind.newId() : body.id();
        if (configuration.current().find(kind, id).isPresent()) {
            throw new ApiException(HttpServletResponse.SC_CONFLICT, ErrorCode.CONFIG_INVALID,
                    "an " + kind.label() + " with this id exists already", List.of(new FieldError("id", "is taken")));
        }
        C config = save(validated(() -> body.edit(id, Optional.empty())), who);
        LOG.info("{} {} ({}) added through the API by {}", kind.capitalizedLabel(), config.id(), config.displayName(),
                who);
        return new Result(HttpServletResponse.SC_CREATED, json(admin, config));
    }

    <C extends Integration> Result update(String who, IntegrationAdmin<C, ?> admin, String id,
            IntegrationJson<C> body) {
        C current = existing(admin.kind(), id);
        if (body.id() != null && !body.id().equals(id)) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.CONFIG_INVALID,
                    "the id cannot be changed", List.of(new FieldError("id", "must be the id in the URL or absent")));
        }
        C config = update(admin.keepUneditedParts(validated(() -> body.edit(id, Optional.of(current))),
                Optional.of(current)), who);
        LOG.info("{} {} ({}) saved through the API by {}", admin.kind().capitalizedLabel(), config.id(),
                config.displayName(), who);
        return ok(json(admin, config));
    }

    Result delete(String who, IntegrationAdmin<?, ?> admin, String id) {
        existing(admin.kind(), id);
        configuration.delete(admin.kind(), id, who);
        LOG.info("{} {} deleted through the API by {}", admin.kind().capitalizedLabel(), id, who);
        return ok(Map.of("deleted", id));
    }

    <C extends Integration> Result test(IntegrationAdmin<C, ?> admin, String id) {
        return ok(admin.test(existing(admin.kind(), id)).json());
    }

    /** The CI trust policies' "Test token": which policy would grant, which rule fails for each other. */
    Result ciTokenTest(String token) {
        if (token == null || token.isBlank()) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.ADMIN_REQUEST_MALFORMED,
                    "token must be given", List.of(new FieldError("token", "must be given")));
        }
        return ok(integrations.ciTrustPolicies().explain(token));
    }

    Result discover(Map<String, String> body) {
        String url = body.get("url");
        return ok(validated(() -> integrations.identityProviders().discover(url)));
    }

    Result export() {
        LanyardConfiguration current = configuration.current();
        Map<String, List<? extends IntegrationJson<?>>> lists = new HashMap<>();
        for (IntegrationAdmin<?, ?> admin : integrations.all()) {
            lists.put(admin.names().export(), exported(admin, current));
        }
        return ok(ConfigurationJson.of(lists));
    }

    private <C extends Integration> List<IntegrationJson<C>> exported(IntegrationAdmin<C, ?> admin,
            LanyardConfiguration current) {
        return current.all(admin.kind()).stream().map(config -> json(admin, config)).toList();
    }

    /**
     * Replaces the whole configuration. An integration whose id exists keeps its stored secret unless the document
     * gives one or sends it elsewhere (another discovery URL or issuer: then it has none); a new one has none stored,
     * so its secret comes from the variables (or is set later). When a secret
     * comes from outside, the file gets the placeholder, as on every save. A document without the list of a kind
     * added later (e.g. {@code entraConnectors}) leaves that kind as it is.
     */
    Result importConfiguration(String who, ConfigurationJson body) {
        if (body.version() == null || body.version() != ConfigurationJson.VERSION) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.ADMIN_IMPORT_REFUSED,
                    "version must be " + ConfigurationJson.VERSION);
        }
        LanyardConfiguration current = configuration.current();
        Map<String, List<? extends IntegrationJson<?>>> lists = body.lists();
        List<FieldError> errors = new ArrayList<>();
        Map<IntegrationKind<?>, List<? extends Integration>> imported = new LinkedHashMap<>();
        for (IntegrationAdmin<?, ?> admin : integrations.all()) {
            imported.put(admin.kind(), imported(admin, lists.get(admin.names().export()), current, errors));
        }
        LanyardConfiguration next;
        try {
            if (!errors.isEmpty()) {
                throw new ConfigurationException("import is invalid", errors);
            }
            next = LanyardConfiguration.of(imported);
        } catch (ConfigurationException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.ADMIN_IMPORT_REFUSED,
                    "the configuration was not imported; nothing changed", e.fieldErrors());
        }
        configuration.replace(next, who);
        LOG.info("Configuration imported through the API by {}: {}", who, imported.entrySet().stream()
                .map(kind -> kind.getValue().size() + " " + kind.getKey().label() + "(s)")
                .collect(Collectors.joining(", ")));
        return export();
    }

    /**
     * One kind of an import, each item built with its errors collected under its index; the integrations in force
     * when the document lacks the list of a kind that keeps them.
     */
    @SuppressWarnings("unchecked")
    private <C extends Integration> List<C> imported(IntegrationAdmin<C, ?> admin,
            List<? extends IntegrationJson<?>> items, LanyardConfiguration current, List<FieldError> errors) {
        IntegrationKind<C> kind = admin.kind();
        if (items == null && admin.names().importWithoutListKeepsCurrent()) {
            return current.all(kind);
        }
        List<C> built = new ArrayList<>();
        List<? extends IntegrationJson<?>> given = items == null ? List.of() : items;
        for (int i = 0; i < given.size(); i++) {
            IntegrationJson<C> item = (IntegrationJson<C>) given.get(i);
            String prefix = admin.names().export() + "[" + i + "]";
            if (item == null || item.id() == null) {
                errors.add(new FieldError(prefix + ".id", "must be given"));
                continue;
            }
            try {
                // an existing id keeps its secret only if the document leaves where it is sent as it is
                built.add(item.edit(item.id(), current.find(kind, item.id())));
            } catch (ConfigurationException e) {
                e.fieldErrors().forEach(error -> errors.add(new FieldError(prefix + "." + error.field(),
                        error.message())));
            }
        }
        return built;
    }

    private <C extends Integration> C existing(IntegrationKind<C> kind, String id) {
        return configuration.current().find(kind, id).orElseThrow(() -> new ApiException(
                HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND, "no " + kind.label() + " with this id"));
    }

    private <C extends Integration> C save(C config, String who) {
        try {
            return configuration.save(config, who);
        } catch (ConfigurationException e) {
            throw invalid(e);
        }
    }

    /** An existing one: if another node deleted it meanwhile, 404 rather than bringing it back. */
    private <C extends Integration> C update(C config, String who) {
        try {
            return configuration.update(config, who);
        } catch (ConfigurationException e) {
            throw invalid(e);
        } catch (LanyardException e) {
            if (e.errorCode() == ErrorCode.ADMIN_NOT_FOUND) {
                throw new ApiException(HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND,
                        "no " + IntegrationKind.of(config).label() + " with this id");
            }
            throw e;
        }
    }

    private static <T> T validated(Supplier<T> build) {
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

    private <C extends Integration> IntegrationJson<C> json(IntegrationAdmin<C, ?> admin, C config) {
        return admin.toJson(config, admin.kind().ownsSecret() ? secrets.of(config) : null);
    }

    private static Result ok(Object body) {
        return new Result(HttpServletResponse.SC_OK, body);
    }
}
