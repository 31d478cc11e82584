package io.lanyard.plugin.admin;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.ConfigurationService;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IdGenerator;
import io.lanyard.core.config.SecretUpdate;
import io.lanyard.core.entra.GraphConnectionCheck;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.secret.ClientSecretResolver;
import io.lanyard.core.secret.StoredSecret;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Cloud integration" pages: Microsoft Entra ID connectors. List, add, edit, enable/disable, delete (after a
 * confirmation page) and "Test" (a client-credentials token, then Graph's organization). Each request reads the
 * configuration in force once; every change goes through {@link ConfigurationService}. Holds no state of a request.
 */
final class CloudPages {

    private static final Logger LOG = LoggerFactory.getLogger(CloudPages.class);
    static final String BASE = "/cloud";
    static final String NEW = "new";
    /** The shape of a connector id ({@code IdGenerator.newConnectorId()}). */
    private static final Pattern CONNECTOR_ID = Pattern.compile("[a-z0-9]{12}");

    private final ConfigurationService configuration;
    private final GraphConnectionCheck check;
    private final ClientSecretResolver secrets;
    private final AdminView view;
    private final AdminGuard guard;

    CloudPages(ConfigurationService configuration, GraphConnectionCheck check, ClientSecretResolver secrets,
            AdminView view, AdminGuard guard) {
        this.configuration = configuration;
        this.check = check;
        this.secrets = secrets;
        this.view = view;
        this.guard = guard;
    }

    /** @param path the segments after {@code /cloud} */
    void handle(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        boolean post = "POST".equals(request.getMethod());
        if (path.isEmpty() && !post) {
            list(request, response);
        } else if (path.size() == 1 && path.get(0).equals(NEW)) {
            if (post) {
                submit(request, response, Optional.empty());
            } else {
                showForm(request, response, HttpServletResponse.SC_OK,
                        EntraConnectorForm.newConnector(IdGenerator.newConnectorId()), true, Map.of(), Map.of());
            }
        } else if (!path.isEmpty() && AdminPaths.isId(path.get(0))) {
            handleExisting(request, response, path, post);
        } else {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
        }
    }

    private void handleExisting(HttpServletRequest request, HttpServletResponse response, List<String> path,
            boolean post) throws IOException {
        Optional<EntraConnectorConfig> existing = configuration.current().entraConnector(path.get(0));
        String action = path.size() == 2 ? path.get(1) : "";
        if (existing.isEmpty() || path.size() > 2) {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
        } else if (path.size() == 1) {
            if (post) {
                submit(request, response, existing);
            } else {
                showForm(request, response, HttpServletResponse.SC_OK, EntraConnectorForm.of(existing.get()), false,
                        Map.of(), Map.of());
            }
        } else if (post && (action.equals("enable") || action.equals("disable"))) {
            setEnabled(request, response, existing.get(), action.equals("enable"));
        } else if (action.equals("delete")) {
            delete(request, response, existing.get(), post);
        } else if (post && action.equals("test")) {
            showForm(request, response, HttpServletResponse.SC_OK, EntraConnectorForm.of(existing.get()), false,
                    Map.of(), Map.of("check", CheckViews.connectorReport(check.test(existing.get()))));
        } else {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> data = new HashMap<>();
        data.put("connectors", configuration.current().entraConnectors().stream().map(this::row).toList());
        data.put("saved", savedName(request.getParameter("saved")));
        data.put("deleted", request.getParameter("deleted") != null);
        view.show(request, response, HttpServletResponse.SC_OK, AdminView.TAB_CLOUD, "cloudList", data);
    }

    private String savedName(String id) {
        // Only a name from the configuration is shown, never text from the URL.
        return id == null ? "" : configuration.current().entraConnector(id).map(EntraConnectorConfig::displayName)
                .orElse("");
    }

    private Map<String, Object> row(EntraConnectorConfig connector) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", connector.id());
        row.put("displayName", connector.displayName());
        row.put("tenantId", connector.tenantId());
        row.put("nationalCloud", connector.nationalCloud().name());
        row.put("enabled", connector.enabled());
        row.put("secret", SecretSection.of(connector, secrets).toSoy());
        return row;
    }

    private void submit(HttpServletRequest request, HttpServletResponse response,
            Optional<EntraConnectorConfig> existing) throws IOException {
        String id = existing.map(EntraConnectorConfig::id).orElseGet(() -> newId(request.getParameter("id")));
        EntraConnectorForm form = EntraConnectorForm.fromRequest(request, id);
        String action = Optional.ofNullable(request.getParameter("action")).orElse("save");
        EntraConnectorConfig config;
        try {
            requireNewIdFree(existing, id);
            config = form.toConfig(secretUpdate(request).applyTo(
                    existing.map(EntraConnectorConfig::clientSecret).orElse(StoredSecret.none())));
        } catch (ConfigurationException e) {
            showForm(request, response, HttpServletResponse.SC_BAD_REQUEST, form, existing.isEmpty(),
                    IdentityProviderPages.errorsByField(e.fieldErrors()), Map.of());
            return;
        }
        if (action.equals("test")) {
            showForm(request, response, HttpServletResponse.SC_OK, form, existing.isEmpty(), Map.of(),
                    Map.of("check", CheckViews.connectorReport(check.test(config))));
            return;
        }
        save(request, response, form, existing.isEmpty(), config);
    }

    /** A new connector's id was generated when the form was first shown; it is never typed, so a bad one is replaced. */
    private static String newId(String posted) {
        return posted != null && CONNECTOR_ID.matcher(posted).matches() ? posted : IdGenerator.newConnectorId();
    }

    private void requireNewIdFree(Optional<EntraConnectorConfig> existing, String id) {
        if (existing.isEmpty() && configuration.current().entraConnector(id).isPresent()) {
            throw new ConfigurationException("connector exists", List.of(
                    new FieldError("id", "a connector with this id exists already: open it from the list")));
        }
    }

    private static SecretUpdate secretUpdate(HttpServletRequest request) {
        return SecretUpdate.fromForm(request.getParameter("clientSecret"),
                request.getParameter("clientSecretRemove") != null);
    }

    private void save(HttpServletRequest request, HttpServletResponse response, EntraConnectorForm form, boolean isNew,
            EntraConnectorConfig config) throws IOException {
        EntraConnectorConfig stored;
        try {
            stored = configuration.saveEntraConnector(config);
        } catch (ConfigurationException e) {
            showForm(request, response, HttpServletResponse.SC_BAD_REQUEST, form, isNew,
                    IdentityProviderPages.errorsByField(e.fieldErrors()), Map.of());
            return;
        }
        LOG.info("Entra ID connector {} ({}) {} by {}; client secret in connector.xml: {}", stored.id(),
                stored.displayName(), isNew ? "added" : "saved", guard.username(request).orElse("-"),
                stored.clientSecret().kind());
        view.redirect(request, response, BASE + "?saved=" + stored.id());
    }

    private void setEnabled(HttpServletRequest request, HttpServletResponse response, EntraConnectorConfig connector,
            boolean enabled) throws IOException {
        configuration.saveEntraConnector(connector.toBuilder().enabled(enabled).build());
        LOG.info("Entra ID connector {} ({}) {} by {}", connector.id(), connector.displayName(),
                enabled ? "enabled" : "disabled", guard.username(request).orElse("-"));
        view.redirect(request, response, BASE + "?saved=" + connector.id());
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, EntraConnectorConfig connector,
            boolean confirmed) throws IOException {
        if (!confirmed) {
            view.show(request, response, HttpServletResponse.SC_OK, AdminView.TAB_CLOUD, "cloudDelete",
                    Map.of("connector", row(connector)));
            return;
        }
        try {
            configuration.deleteEntraConnector(connector.id());
        } catch (LanyardException e) {
            if (e.errorCode() != ErrorCode.ADMIN_NOT_FOUND) {
                throw e;
            }
            // deleted by someone else in the meantime: the result is what was asked for
        }
        LOG.info("Entra ID connector {} ({}) deleted by {}", connector.id(), connector.displayName(),
                guard.username(request).orElse("-"));
        view.redirect(request, response, BASE + "?deleted=1");
    }

    private void showForm(HttpServletRequest request, HttpServletResponse response, int status, EntraConnectorForm form,
            boolean isNew, Map<String, List<String>> errors, Map<String, Object> extra) throws IOException {
        Map<String, Object> data = new HashMap<>(extra);
        data.put("form", form.toSoy());
        data.put("isNew", isNew);
        data.put("errors", errors);
        Optional<EntraConnectorConfig> stored = isNew ? Optional.empty()
                : configuration.current().entraConnector(form.id());
        data.put("secret", stored.map(connector -> SecretSection.of(connector, secrets))
                .orElseGet(() -> SecretSection.ofNewConnector(form.id(), secrets)).toSoy());
        view.show(request, response, status, AdminView.TAB_CLOUD, "cloudForm", data);
    }
}
