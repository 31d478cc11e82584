package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.change.ClientSecretAdministration;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.config.change.SecretUpdate;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.plugin.admin.AdminGuard;
import io.lanyard.plugin.admin.AdminPages;
import io.lanyard.plugin.admin.AdminView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of one kind of integration: list, add, edit, enable/disable, delete after a confirmation page, and
 * "Test", whose result is shown where it was asked for (below the row in the list, above the buttons in the form).
 * The routes, the save semantics and the form page ({@code integrationForm}, drawn from the kind's
 * {@link FormLayout}) are the same for every kind; its {@link IntegrationAdmin} says what its forms, rows and "Test"
 * hold. Each request reads the configuration in force once; every change goes through {@link ConfigurationService}.
 * Holds no state of a request.
 *
 * @param <C> the configuration of one integration
 * @param <F> its form
 */
public final class IntegrationPages<C extends Integration, F extends IntegrationForm<C>> implements AdminPages {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationPages.class);
    static final String NEW = "new";
    private static final String FORM_TEMPLATE = "integrationForm";

    private final IntegrationAdmin<C, F> admin;
    private final IntegrationKind<C> kind;
    private final ConfigurationService configuration;
    private final SecretSections secrets;
    private final AdminView view;
    private final AdminGuard guard;

    public IntegrationPages(IntegrationAdmin<C, F> admin, ConfigurationService configuration,
            SecretSections secrets, AdminView view, AdminGuard guard) {
        this.admin = admin;
        this.kind = admin.kind();
        this.configuration = configuration;
        this.secrets = secrets;
        this.view = view;
        this.guard = guard;
    }

    @Override
    public String path() {
        return admin.names().pages();
    }

    /** @param path the segments after {@link #path()} */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        boolean post = "POST".equals(request.getMethod());
        if (path.isEmpty() && !post) {
            list(request, response, Optional.empty());
        } else if (path.size() == 1 && path.get(0).equals(NEW)) {
            if (post) {
                submit(request, response, Optional.empty());
            } else {
                showForm(request, response, HttpServletResponse.SC_OK, newForm(kind.newId()), true, Map.of(),
                        Map.of());
            }
        } else if (!path.isEmpty() && kind.isWellFormedId(path.get(0))) {
            handleExisting(request, response, path, post);
        } else {
            notFound(request, response);
        }
    }

    private void handleExisting(HttpServletRequest request, HttpServletResponse response, List<String> path,
            boolean post) throws IOException {
        Optional<C> existing = find(path.get(0));
        String action = path.size() == 2 ? path.get(1) : "";
        if (existing.isEmpty() || path.size() > 2) {
            notFound(request, response);
        } else if (path.size() == 1) {
            if (post) {
                submit(request, response, existing);
            } else {
                showForm(request, response, HttpServletResponse.SC_OK, formOf(existing.get()), false, Map.of(),
                        Map.of());
            }
        } else if (post && (action.equals("enable") || action.equals("disable"))) {
            setEnabled(request, response, existing.get(), action.equals("enable"));
        } else if (action.equals("delete")) {
            delete(request, response, existing.get(), post);
        } else if (post && action.equals("test")) {
            list(request, response, existing);
        } else if (post && kind.ownsSecret() && action.equals("promote-secret")) {
            promoteSecret(request, response, existing.get());
        } else if (post && kind.ownsSecret() && action.equals("check-expiry")) {
            secrets.checkExpiry(existing.get(), configuration.current());
            showForm(request, response, HttpServletResponse.SC_OK, formOf(existing.get()), false, Map.of(), Map.of());
        } else {
            notFound(request, response);
        }
    }

    private F newForm(String id) {
        return admin.forms().newForm().apply(id);
    }

    private F formOf(C config) {
        return admin.forms().of().apply(config);
    }

    private Optional<C> find(String id) {
        return configuration.current().find(kind, id);
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
    }

    /** @param tested the integration whose "Test" was asked for in the list: its result is shown below its row */
    private void list(HttpServletRequest request, HttpServletResponse response, Optional<C> tested)
            throws IOException {
        Map<String, Object> data = new HashMap<>();
        data.put(admin.names().item() + "s", configuration.current().all(kind).stream().map(this::row).toList());
        data.put("saved", savedName(request.getParameter("saved")));
        data.put("deleted", request.getParameter("deleted") != null);
        data.put("tested", tested.map(Integration::id).orElse(""));
        tested.ifPresent(config -> data.put("testResult", testResult(config)));
        view.show(request, response, HttpServletResponse.SC_OK, path(), template("List"), data);
    }

    /** Runs "Test" and draws its result with the kind's template {@code <pages>Check}. */
    private Object testResult(C config) {
        return view.fragment(template("Check"), Map.of("check", admin.test(config).page()));
    }

    /** One row of the list and of the delete confirmation. */
    private Map<String, Object> row(C config) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", config.id());
        row.put("displayName", config.displayName());
        row.put("enabled", config.enabled());
        if (kind.ownsSecret()) {
            row.put("secret", secrets.of(config).toSoy());
        }
        admin.addColumns(config, row);
        return row;
    }

    private String savedName(String id) {
        // Only a name from the configuration is shown, never text from the URL.
        return id == null ? "" : find(id).map(Integration::displayName).orElse("");
    }

    private void submit(HttpServletRequest request, HttpServletResponse response, Optional<C> existing)
            throws IOException {
        boolean isNew = existing.isEmpty();
        String id = existing.map(Integration::id).orElseGet(() -> newIdFrom(request.getParameter("id")));
        F form = IntegrationForm.read(admin.forms().type(), id, request::getParameter);
        String action = Optional.ofNullable(request.getParameter("action")).orElse("save");
        if (admin.handleFormAction(action, form, formPage(request, response, isNew))) {
            return;
        }
        C config;
        try {
            requireNewIdFree(isNew, id);
            SecretUpdate update = secretUpdate(request);
            config = ClientSecretAdministration.afterEdit(existing, admin.withWhatTheFormDoesNotShow(existing,
                    withRotationFields(request, form.toConfig(update.applyTo(
                            existing.map(Integration::clientSecret).orElse(StoredSecret.none()))), existing)),
                    update);
        } catch (ConfigurationException e) {
            // A refused "Test" says so where it was pressed, too: the page opens there.
            showForm(request, response, HttpServletResponse.SC_BAD_REQUEST, form, isNew,
                    errorsByField(e.fieldErrors()), Map.of("testRefused", action.equals("test")));
            return;
        }
        if (action.equals("test")) {
            showForm(request, response, HttpServletResponse.SC_OK, form, isNew, Map.of(),
                    Map.of("testResult", testResult(config)));
            return;
        }
        save(request, response, form, isNew, config);
    }

    private IntegrationAdmin.FormPage<F> formPage(HttpServletRequest request, HttpServletResponse response,
            boolean isNew) {
        return new IntegrationAdmin.FormPage<>() {
            @Override
            public void showActionResult(F form, String action, Map<String, Object> result) throws IOException {
                String template = template(Character.toUpperCase(action.charAt(0)) + action.substring(1) + "Result");
                showForm(request, response, HttpServletResponse.SC_OK, form, isNew, Map.of(),
                        Map.of("actionDone", action, "actionResult", view.fragment(template, result)));
            }

            @Override
            public void showErrors(F form, ConfigurationException refused) throws IOException {
                IntegrationPages.this.showErrors(request, response, form, isNew, refused);
            }
        };
    }

    /**
     * The id of a new integration, which the form was given when it was first shown (e.g. the callback URL shows it).
     * It is never typed, so a posted value that is not such an id is replaced rather than reported.
     */
    private String newIdFrom(String posted) {
        return posted != null && kind.isWellFormedId(posted) ? posted : kind.newId();
    }

    private void requireNewIdFree(boolean isNew, String id) {
        if (isNew && find(id).isPresent()) {
            throw new ConfigurationException(kind.label() + " exists", List.of(new FieldError("id",
                    "an " + kind.label() + " with this id exists already: open it from the list")));
        }
    }

    /**
     * The secret section's next secret and expiry date; a kind that owns no secret keeps none, whatever was posted.
     * An empty next-secret field keeps what is stored, as for the current secret.
     */
    private C withRotationFields(HttpServletRequest request, C config, Optional<C> existing) {
        if (!kind.ownsSecret()) {
            return config;
        }
        return ClientSecretAdministration.withRotationFields(config,
                existing.map(Integration::nextClientSecret).orElse(StoredSecret.none()),
                SecretUpdate.fromForm(request.getParameter("nextClientSecret"),
                        request.getParameter("nextClientSecretRemove") != null),
                Optional.ofNullable(request.getParameter("clientSecretExpiresOn")));
    }

    /** Rotation, "promote": the next secret of the file becomes the current one, used from the next login on. */
    private void promoteSecret(HttpServletRequest request, HttpServletResponse response, C config) throws IOException {
        try {
            configuration.save(ClientSecretAdministration.promoted(config), username(request));
        } catch (ConfigurationException e) {
            showErrors(request, response, formOf(config), false, e);
            return;
        }
        LOG.info("{} {} ({}): the next client secret was promoted to the current one by {}", kind.capitalizedLabel(),
                config.id(), config.displayName(), username(request));
        view.redirect(request, response, "/" + path() + "/" + config.id() + "?promoted=1");
    }

    /** What the secret section asked for; a kind that owns no secret keeps none, whatever was posted. */
    private SecretUpdate secretUpdate(HttpServletRequest request) {
        return kind.ownsSecret() ? SecretUpdate.fromForm(request.getParameter("clientSecret"),
                request.getParameter("clientSecretRemove") != null) : SecretUpdate.keep();
    }

    private void save(HttpServletRequest request, HttpServletResponse response, F form, boolean isNew, C config)
            throws IOException {
        C stored;
        try {
            stored = isNew ? configuration.save(config, username(request))
                    : configuration.update(config, username(request));
        } catch (ConfigurationException e) {
            showErrors(request, response, form, isNew, e);
            return;
        }
        LOG.info("{} {} ({}) {} by {}; client secret in {}: {}", kind.capitalizedLabel(), stored.id(),
                stored.displayName(), isNew ? "added" : "saved", username(request),
                kind.secretOwner(stored.id()).map(owner -> owner.kind().fileName()).orElse("-"),
                stored.clientSecret().kind());
        view.redirect(request, response, "/" + path() + "?saved=" + stored.id());
    }

    private void setEnabled(HttpServletRequest request, HttpServletResponse response, C config, boolean enabled)
            throws IOException {
        configuration.setEnabled(kind, config.id(), enabled, username(request));
        LOG.info("{} {} ({}) {} by {}", kind.capitalizedLabel(), config.id(), config.displayName(),
                enabled ? "enabled" : "disabled", username(request));
        view.redirect(request, response, "/" + path() + "?saved=" + config.id());
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, C config, boolean confirmed)
            throws IOException {
        if (!confirmed) {
            view.show(request, response, HttpServletResponse.SC_OK, path(), template("Delete"),
                    Map.of(admin.names().item(), row(config)));
            return;
        }
        try {
            configuration.delete(kind, config.id(), username(request));
        } catch (LanyardException e) {
            if (e.errorCode() != ErrorCode.ADMIN_NOT_FOUND) {
                throw e;
            }
            // deleted by someone else in the meantime: the result is what was asked for
        }
        LOG.info("{} {} ({}) deleted by {}", kind.capitalizedLabel(), config.id(), config.displayName(),
                username(request));
        view.redirect(request, response, "/" + path() + "?deleted=1");
    }

    private void showErrors(HttpServletRequest request, HttpServletResponse response, F form, boolean isNew,
            ConfigurationException e) throws IOException {
        showForm(request, response, HttpServletResponse.SC_BAD_REQUEST, form, isNew, errorsByField(e.fieldErrors()),
                Map.of());
    }

    /**
     * The form page, drawn from the kind's layout with what was typed, the errors beside their fields and listed in
     * the banner, and the secret section.
     *
     * @param extra e.g. {@code testResult}, {@code actionResult}: what "Test" or a kind's action found
     */
    private void showForm(HttpServletRequest request, HttpServletResponse response, int status, F form, boolean isNew,
            Map<String, List<String>> errors, Map<String, Object> extra) throws IOException {
        FormLayout layout = admin.forms().layout();
        Map<String, Object> values = new HashMap<>(form.toSoy());
        values.putAll(admin.shownValues(form));
        Map<String, Object> data = new HashMap<>();
        data.put("pages", path());
        data.put("id", form.id());
        data.put("isNew", isNew);
        data.put("sections", layout.toSoy(path(), values, newForm(form.id()).toSoy(), errors, kind.ownsSecret()));
        data.put("errorSummary", layout.errorSummary(errors));
        data.put("errors", errors);
        data.put("testRefused", false);
        data.put("actionDone", "");
        data.putAll(extra);
        Optional<C> stored = isNew ? Optional.empty() : find(form.id());
        if (kind.ownsSecret()) {
            data.put("secret", stored.map(config -> secrets.of(config, secrets.nodes(configuration.current())))
                    .orElseGet(() -> secrets.ofNew(kind, form.id())).toSoy());
            data.put("promoted", request.getParameter("promoted") != null);
        }
        view.show(request, response, status, path(), FORM_TEMPLATE, data);
    }

    private String template(String page) {
        return path() + page;
    }

    private String username(HttpServletRequest request) {
        return guard.username(request).orElse("-");
    }

    static Map<String, List<String>> errorsByField(List<FieldError> errors) {
        Map<String, List<String>> byField = new HashMap<>();
        for (FieldError error : errors) {
            byField.computeIfAbsent(error.field(), field -> new ArrayList<>()).add(error.message());
        }
        return byField;
    }
}
