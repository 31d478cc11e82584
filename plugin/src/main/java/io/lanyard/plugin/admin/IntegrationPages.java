package io.lanyard.plugin.admin;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.ConfigurationService;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.SecretUpdate;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
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
 * The pages of one kind of integration (identity providers, Entra ID connectors): list, add, edit, enable/disable,
 * delete after a confirmation page, and "Test". The routes and the save semantics are the same for every kind; a
 * subclass says how its configuration is found, stored, shown and tested. Each request reads the configuration in
 * force once; every change goes through {@link ConfigurationService}. Holds no state of a request.
 *
 * @param <C> the configuration of one integration
 * @param <F> its form
 */
abstract class IntegrationPages<C, F extends IntegrationForm<C>> {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationPages.class);
    static final String NEW = "new";

    final ConfigurationService configuration;
    final ClientSecretResolver secrets;
    final AdminView view;
    private final AdminGuard guard;
    private final String base;
    private final String tab;

    /**
     * @param base the path of the list, e.g. {@code /idp}; also the tab's templates' prefix without the slash
     * @param tab  the admin tab the pages belong to
     */
    IntegrationPages(ConfigurationService configuration, ClientSecretResolver secrets, AdminView view,
            AdminGuard guard, String base, String tab) {
        this.configuration = configuration;
        this.secrets = secrets;
        this.view = view;
        this.guard = guard;
        this.base = base;
        this.tab = tab;
    }

    // What a kind of integration says about itself.

    /** E.g. "identity provider", for messages and the audit lines of the log. */
    abstract String label();

    /** The file the configuration is saved in, e.g. {@code provider.xml}. */
    abstract String fileName();

    /** The key of the list in the list template and of the item in the delete template, e.g. {@code provider}. */
    abstract String itemKey();

    abstract List<C> all();

    abstract Optional<C> find(String id);

    abstract String id(C config);

    abstract String displayName(C config);

    abstract StoredSecret storedSecret(C config);

    abstract String newId();

    /** A posted id of a new integration that has the shape {@link #newId()} makes. */
    abstract boolean isWellFormedNewId(String posted);

    abstract F newForm(String id);

    abstract F formOf(C config);

    abstract F formFrom(HttpServletRequest request, String id);

    /** @throws ConfigurationException when the configuration as a whole refuses it */
    abstract C save(C config);

    abstract void delete(String id);

    abstract C withEnabled(C config, boolean enabled);

    /** One row of the list and of the delete confirmation. */
    abstract Map<String, Object> row(C config);

    /** Runs the "Test" action and returns its report for the template. */
    abstract Map<String, Object> test(C config);

    abstract SecretSection secretSection(Optional<C> stored, String id);

    /** Data of the form page beyond the form, the errors and the secret section. */
    void addFormData(F form, Map<String, Object> data) {
    }

    /**
     * A posted form action of this kind besides "save" and "test", run before the form is validated.
     *
     * @return whether it handled the action
     */
    boolean handleFormAction(String action, HttpServletRequest request, HttpServletResponse response, F form,
            boolean isNew) throws IOException {
        return false;
    }

    // The routes.

    /** @param path the segments after {@link #base} */
    final void handle(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        boolean post = "POST".equals(request.getMethod());
        if (path.isEmpty() && !post) {
            list(request, response);
        } else if (path.size() == 1 && path.get(0).equals(NEW)) {
            if (post) {
                submit(request, response, Optional.empty());
            } else {
                showForm(request, response, HttpServletResponse.SC_OK, newForm(newId()), true, Map.of(), Map.of());
            }
        } else if (!path.isEmpty() && AdminPaths.isId(path.get(0))) {
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
            showForm(request, response, HttpServletResponse.SC_OK, formOf(existing.get()), false, Map.of(),
                    Map.of("check", test(existing.get())));
        } else {
            notFound(request, response);
        }
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> data = new HashMap<>();
        data.put(itemKey() + "s", all().stream().map(this::row).toList());
        data.put("saved", savedName(request.getParameter("saved")));
        data.put("deleted", request.getParameter("deleted") != null);
        view.show(request, response, HttpServletResponse.SC_OK, tab, template("List"), data);
    }

    private String savedName(String id) {
        // Only a name from the configuration is shown, never text from the URL.
        return id == null ? "" : find(id).map(this::displayName).orElse("");
    }

    private void submit(HttpServletRequest request, HttpServletResponse response, Optional<C> existing)
            throws IOException {
        boolean isNew = existing.isEmpty();
        String id = existing.map(this::id).orElseGet(() -> newIdFrom(request.getParameter("id")));
        F form = formFrom(request, id);
        String action = Optional.ofNullable(request.getParameter("action")).orElse("save");
        if (handleFormAction(action, request, response, form, isNew)) {
            return;
        }
        C config;
        try {
            requireNewIdFree(isNew, id);
            config = form.toConfig(secretUpdate(request).applyTo(
                    existing.map(this::storedSecret).orElse(StoredSecret.none())));
        } catch (ConfigurationException e) {
            showErrors(request, response, form, isNew, e);
            return;
        }
        if (action.equals("test")) {
            showForm(request, response, HttpServletResponse.SC_OK, form, isNew, Map.of(),
                    Map.of("check", test(config)));
            return;
        }
        save(request, response, form, isNew, config);
    }

    /**
     * The id of a new integration, which the form was given when it was first shown (the callback URL shows it). It
     * is never typed, so a posted value that is not such an id is replaced rather than reported.
     */
    private String newIdFrom(String posted) {
        return posted != null && isWellFormedNewId(posted) ? posted : newId();
    }

    private void requireNewIdFree(boolean isNew, String id) {
        if (isNew && find(id).isPresent()) {
            throw new ConfigurationException(label() + " exists", List.of(new FieldError("id",
                    "an " + label() + " with this id exists already: open it from the list")));
        }
    }

    private static SecretUpdate secretUpdate(HttpServletRequest request) {
        return SecretUpdate.fromForm(request.getParameter("clientSecret"),
                request.getParameter("clientSecretRemove") != null);
    }

    private void save(HttpServletRequest request, HttpServletResponse response, F form, boolean isNew, C config)
            throws IOException {
        C stored;
        try {
            stored = save(config);
        } catch (ConfigurationException e) {
            showErrors(request, response, form, isNew, e);
            return;
        }
        LOG.info("{} {} ({}) {} by {}; client secret in {}: {}", capitalizedLabel(), id(stored), displayName(stored),
                isNew ? "added" : "saved", username(request), fileName(), storedSecret(stored).kind());
        view.redirect(request, response, base + "?saved=" + id(stored));
    }

    private void setEnabled(HttpServletRequest request, HttpServletResponse response, C config, boolean enabled)
            throws IOException {
        save(withEnabled(config, enabled));
        LOG.info("{} {} ({}) {} by {}", capitalizedLabel(), id(config), displayName(config),
                enabled ? "enabled" : "disabled", username(request));
        view.redirect(request, response, base + "?saved=" + id(config));
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, C config, boolean confirmed)
            throws IOException {
        if (!confirmed) {
            view.show(request, response, HttpServletResponse.SC_OK, tab, template("Delete"),
                    Map.of(itemKey(), row(config)));
            return;
        }
        try {
            delete(id(config));
        } catch (LanyardException e) {
            if (e.errorCode() != ErrorCode.ADMIN_NOT_FOUND) {
                throw e;
            }
            // deleted by someone else in the meantime: the result is what was asked for
        }
        LOG.info("{} {} ({}) deleted by {}", capitalizedLabel(), id(config), displayName(config), username(request));
        view.redirect(request, response, base + "?deleted=1");
    }

    final void showErrors(HttpServletRequest request, HttpServletResponse response, F form, boolean isNew,
            ConfigurationException e) throws IOException {
        showForm(request, response, HttpServletResponse.SC_BAD_REQUEST, form, isNew, errorsByField(e.fieldErrors()),
                Map.of());
    }

    final void showForm(HttpServletRequest request, HttpServletResponse response, int status, F form, boolean isNew,
            Map<String, List<String>> errors, Map<String, Object> extra) throws IOException {
        Map<String, Object> data = new HashMap<>(extra);
        data.put("form", form.toSoy());
        data.put("isNew", isNew);
        data.put("errors", errors);
        addFormData(form, data);
        Optional<C> stored = isNew ? Optional.empty() : find(form.id());
        data.put("secret", secretSection(stored, form.id()).toSoy());
        view.show(request, response, status, tab, template("Form"), data);
    }

    private String template(String page) {
        return base.substring(1) + page;
    }

    private String capitalizedLabel() {
        return Character.toUpperCase(label().charAt(0)) + label().substring(1);
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
