package io.lanyard.plugin.admin;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.ConfigurationService;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IdGenerator;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.SecretUpdate;
import io.lanyard.core.diagnostics.DiscoveryReport;
import io.lanyard.core.diagnostics.IdentityProviderCheck;
import io.lanyard.core.diagnostics.ProviderCheckReport;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.secret.ClientSecretResolver;
import io.lanyard.core.secret.StoredSecret;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "IdP integration" pages: list, add, edit, enable/disable, delete (after a confirmation page), "Fetch" and
 * "Test". Each request reads the configuration in force once; every change goes through
 * {@link ConfigurationService}. Holds no state of a request.
 */
final class IdentityProviderPages {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderPages.class);
    static final String BASE = "/idp";
    static final String NEW = "new";

    private final ConfigurationService configuration;
    private final IdentityProviderCheck check;
    private final ClientSecretResolver secrets;
    private final BaseUrl baseUrl;
    private final AdminView view;
    private final AdminGuard guard;

    IdentityProviderPages(ConfigurationService configuration, IdentityProviderCheck check, ClientSecretResolver secrets,
            BaseUrl baseUrl, AdminView view, AdminGuard guard) {
        this.configuration = configuration;
        this.check = check;
        this.secrets = secrets;
        this.baseUrl = baseUrl;
        this.view = view;
        this.guard = guard;
    }

    /** @param path the segments after {@code /idp} */
    void handle(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        boolean post = "POST".equals(request.getMethod());
        if (path.isEmpty() && !post) {
            list(request, response);
        } else if (path.size() == 1 && path.get(0).equals(NEW)) {
            if (post) {
                submit(request, response, Optional.empty());
            } else {
                showForm(request, response, HttpServletResponse.SC_OK, IdentityProviderForm.newProvider(
                        IdGenerator.newIdentityProviderId()), true, Map.of(), Map.of());
            }
        } else if (!path.isEmpty() && AdminPaths.isId(path.get(0))) {
            handleExisting(request, response, path, post);
        } else {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
        }
    }

    private void handleExisting(HttpServletRequest request, HttpServletResponse response, List<String> path,
            boolean post) throws IOException {
        Optional<IdentityProviderConfig> existing = configuration.current().identityProvider(path.get(0));
        String action = path.size() == 2 ? path.get(1) : "";
        if (existing.isEmpty() || path.size() > 2) {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
        } else if (path.size() == 1) {
            if (post) {
                submit(request, response, existing);
            } else {
                showForm(request, response, HttpServletResponse.SC_OK, IdentityProviderForm.of(existing.get()), false,
                        Map.of(), Map.of());
            }
        } else if (post && (action.equals("enable") || action.equals("disable"))) {
            setEnabled(request, response, existing.get(), action.equals("enable"));
        } else if (action.equals("delete")) {
            delete(request, response, existing.get(), post);
        } else if (post && action.equals("test")) {
            showForm(request, response, HttpServletResponse.SC_OK, IdentityProviderForm.of(existing.get()), false,
                    Map.of(), Map.of("check", checkToSoy(check.test(existing.get()))));
        } else {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = configuration.current().identityProviders().stream().map(this::row).toList();
        Map<String, Object> data = new HashMap<>();
        data.put("providers", rows);
        data.put("saved", savedName(request.getParameter("saved")));
        data.put("deleted", request.getParameter("deleted") != null);
        view.show(request, response, HttpServletResponse.SC_OK, AdminView.TAB_IDP, "idpList", data);
    }

    private String savedName(String id) {
        // Only a name from the configuration is shown, never text from the URL.
        return id == null ? "" : configuration.current().identityProvider(id).map(IdentityProviderConfig::displayName)
                .orElse("");
    }

    private Map<String, Object> row(IdentityProviderConfig provider) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", provider.id());
        row.put("displayName", provider.displayName());
        row.put("issuer", provider.issuer());
        row.put("enabled", provider.enabled());
        row.put("secret", SecretSection.of(provider, secrets).toSoy());
        return row;
    }

    private void submit(HttpServletRequest request, HttpServletResponse response,
            Optional<IdentityProviderConfig> existing) throws IOException {
        String id = existing.map(IdentityProviderConfig::id).orElseGet(() -> newId(request.getParameter("id")));
        IdentityProviderForm form = IdentityProviderForm.fromRequest(request, id);
        String action = Optional.ofNullable(request.getParameter("action")).orElse("save");
        if (action.equals("fetch")) {
            fetch(request, response, form, existing.isEmpty());
            return;
        }
        IdentityProviderConfig config;
        try {
            requireNewIdFree(existing, id);
            config = form.toConfig(secretUpdate(request).applyTo(
                    existing.map(IdentityProviderConfig::clientSecret).orElse(StoredSecret.none())));
        } catch (ConfigurationException e) {
            showForm(request, response, HttpServletResponse.SC_BAD_REQUEST, form, existing.isEmpty(),
                    errorsByField(e.fieldErrors()), Map.of());
            return;
        }
        if (action.equals("test")) {
            showForm(request, response, HttpServletResponse.SC_OK, form, existing.isEmpty(), Map.of(),
                    Map.of("check", checkToSoy(check.test(config))));
            return;
        }
        save(request, response, form, existing.isEmpty(), config);
    }

    private void save(HttpServletRequest request, HttpServletResponse response, IdentityProviderForm form,
            boolean isNew, IdentityProviderConfig config) throws IOException {
        IdentityProviderConfig stored;
        try {
            stored = configuration.saveIdentityProvider(config);
        } catch (ConfigurationException e) {
            showForm(request, response, HttpServletResponse.SC_BAD_REQUEST, form, isNew, errorsByField(e.fieldErrors()),
                    Map.of());
            return;
        }
        LOG.info("Identity provider {} ({}) {} by {}; client secret in provider.xml: {}", stored.id(),
                stored.displayName(), isNew ? "added" : "saved", guard.username(request).orElse("-"),
                stored.clientSecret().kind());
        view.redirect(request, response, BASE + "?saved=" + config.id());
    }

    /**
     * The id of a new provider, which the form was given when it was first shown (the callback URL shows it). It is
     * never typed, so a posted value that is not an id is replaced rather than reported.
     */
    private static String newId(String posted) {
        return posted != null && AdminPaths.isId(posted) ? posted : IdGenerator.newIdentityProviderId();
    }

    private void requireNewIdFree(Optional<IdentityProviderConfig> existing, String id) {
        if (existing.isEmpty() && id != null && configuration.current().identityProvider(id).isPresent()) {
            throw new ConfigurationException("identity provider exists", List.of(
                    new FieldError("id", "an identity provider with this id exists already: open it from the list")));
        }
    }

    private static SecretUpdate secretUpdate(HttpServletRequest request) {
        return SecretUpdate.fromForm(request.getParameter("clientSecret"), request.getParameter("clientSecretRemove") != null);
    }

    private void fetch(HttpServletRequest request, HttpServletResponse response, IdentityProviderForm form,
            boolean isNew) throws IOException {
        DiscoveryReport report;
        try {
            report = check.discover(form.discoveryUrl());
        } catch (ConfigurationException e) {
            showForm(request, response, HttpServletResponse.SC_BAD_REQUEST, form, isNew, errorsByField(e.fieldErrors()),
                    Map.of());
            return;
        }
        IdentityProviderForm filled = report.metadata().map(found -> form.withIssuer(found.issuer())).orElse(form);
        Map<String, Object> discovery = new HashMap<>();
        discovery.put("url", report.discoveryUrl().toString());
        report.metadata().ifPresent(metadata -> discovery.put("metadata", CheckViews.metadata(metadata)));
        report.failure().ifPresent(failure -> discovery.put("failure", CheckViews.failure(failure)));
        showForm(request, response, HttpServletResponse.SC_OK, filled, isNew, Map.of(), Map.of("discovery", discovery));
    }

    private void setEnabled(HttpServletRequest request, HttpServletResponse response, IdentityProviderConfig provider,
            boolean enabled) throws IOException {
        configuration.saveIdentityProvider(provider.toBuilder().enabled(enabled).build());
        LOG.info("Identity provider {} ({}) {} by {}", provider.id(), provider.displayName(),
                enabled ? "enabled" : "disabled", guard.username(request).orElse("-"));
        view.redirect(request, response, BASE + "?saved=" + provider.id());
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, IdentityProviderConfig provider,
            boolean confirmed) throws IOException {
        if (!confirmed) {
            view.show(request, response, HttpServletResponse.SC_OK, AdminView.TAB_IDP, "idpDelete",
                    Map.of("provider", row(provider)));
            return;
        }
        try {
            configuration.deleteIdentityProvider(provider.id());
        } catch (LanyardException e) {
            if (e.errorCode() != ErrorCode.ADMIN_NOT_FOUND) {
                throw e;
            }
            // deleted by someone else in the meantime: the result is what was asked for
        }
        LOG.info("Identity provider {} ({}) deleted by {}", provider.id(), provider.displayName(),
                guard.username(request).orElse("-"));
        view.redirect(request, response, BASE + "?deleted=1");
    }

    private void showForm(HttpServletRequest request, HttpServletResponse response, int status,
            IdentityProviderForm form, boolean isNew, Map<String, List<String>> errors, Map<String, Object> extra)
            throws IOException {
        Map<String, Object> data = new HashMap<>(extra);
        data.put("form", form.toSoy());
        data.put("isNew", isNew);
        data.put("errors", errors);
        data.put("callbackUrl", baseUrl.baseUrl() + LanyardPaths.callbackPath(form.id()));
        Optional<IdentityProviderConfig> stored = isNew ? Optional.empty()
                : configuration.current().identityProvider(form.id());
        data.put("secret", stored.map(provider -> SecretSection.of(provider, secrets))
                .orElseGet(() -> SecretSection.ofNewIdentityProvider(form.id(), secrets)).toSoy());
        view.show(request, response, status, AdminView.TAB_IDP, "idpForm", data);
    }

    private static Map<String, Object> checkToSoy(ProviderCheckReport report) {
        return CheckViews.report(report);
    }

    static Map<String, List<String>> errorsByField(List<FieldError> errors) {
        Map<String, List<String>> byField = new HashMap<>();
        for (FieldError error : errors) {
            byField.computeIfAbsent(error.field(), field -> new java.util.ArrayList<>()).add(error.message());
        }
        return byField;
    }
}
