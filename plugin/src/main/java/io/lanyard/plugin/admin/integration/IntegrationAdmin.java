package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The admin side of one kind of integration: what its pages, its JSON and its "Test" show and take beyond what every
 * kind has. The routes, saving, enabling and disabling, deleting, the secret section, the JSON API, export and
 * import are written once ({@link IntegrationPages}, {@code ApiResources}) and ask this for the rest.
 *
 * @param <C> the kind's configuration
 * @param <F> its admin form
 */
public interface IntegrationAdmin<C extends Integration, F extends IntegrationForm<C>> {

    IntegrationKind<C> kind();

    /** Where the kind's pages, JSON and export are. */
    Names names();

    /** Its admin form. */
    Forms<C, F> forms();

    /**
     * Where one kind of integration is in the admin pages, the JSON API and an exported document.
     *
     * @param pages                         the path below the admin pages, e.g. {@code idp}: also the pages' tab and
     *                                      their templates' prefix
     * @param item                          the key of the list in the list template ({@code item + "s"}) and of the
     *                                      item in the delete template, e.g. {@code provider}
     * @param api                           the path below the JSON API, e.g. {@code idps}
     * @param export                        the name of the kind's list in an exported document
     * @param importWithoutListKeepsCurrent whether an import whose document lacks {@code export} keeps the
     *                                      integrations of this kind as they are (kinds added after the document's
     *                                      version existed), rather than removing them all
     */
    record Names(String pages, String item, String api, String export, boolean importWithoutListKeepsCurrent) {
    }

    /**
     * The kind's form ({@link IntegrationForm}: a record of the page's texts and check boxes).
     *
     * @param type    the form record, which {@link IntegrationForm#read} reads a posted form into
     * @param newForm a new integration's form: the builder's defaults, under a new id
     * @param of      the form of a stored integration
     * @param layout  where each of the record's fields is shown: its sections, in order
     */
    record Forms<C, F>(Class<F> type, Function<String, F> newForm, Function<C, F> of, FormLayout layout) {
    }

    /** The kind's own columns of the list and of the delete confirmation (besides id, name, enabled and secret). */
    void addColumns(C config, Map<String, Object> row);

    /** The kind's JSON document type, for reading. */
    Class<? extends IntegrationJson<C>> jsonType();

    /** The integration as the JSON API shows it; {@code secret} is null for a kind that owns none. */
    IntegrationJson<C> toJson(C config, SecretSection secret);

    /** Runs the kind's "Test" now and gives its report as the pages and as the JSON API show it. */
    TestResult test(C config);

    /**
     * An edit from the form or the JSON document with the parts they do not show taken over from the stored one
     * (e.g. a provider's sign-in settings, edited in {@code provider.xml} only): saving the form never erases them.
     */
    default C keepUneditedParts(C edited, java.util.Optional<C> existing) {
        return edited;
    }

    /**
     * What a "Test" found, as template data and as the JSON API's body (plain values; the templates escape them).
     *
     * @param page the {@code check} of the kind's template {@code <pages>Check}, shown where "Test" was pressed: in
     *             the list, below the integration's row; in the form, above its buttons
     * @param json for the API's response
     */
    record TestResult(Map<String, Object> page, Object json) {
    }

    /**
     * The edited integration with what the form does not show taken from the stored one (settings that have no form
     * fields yet), so that a save on the page never resets them. The default: the form shows everything.
     */
    default C withWhatTheFormDoesNotShow(Optional<C> stored, C edited) {
        return edited;
    }

    /** The values of the layout's shown-only fields ({@link FormLayout.Type#COPYABLE}), e.g. a callback URL. */
    default Map<String, Object> shownValues(F form) {
        return Map.of();
    }

    /**
     * A posted form action of this kind besides "save" and "test" (a field's {@link FormLayout.Field#action()}), run
     * before the form is validated.
     *
     * @return whether it handled the action
     */
    default boolean handleFormAction(String action, F form, FormPage<F> page) throws IOException {
        return false;
    }

    /** How a form action answers with the form page again. */
    interface FormPage<F> {

        /**
         * The form page with what the action found, drawn by the kind's template {@code <pages><Action>Result}
         * (e.g. {@code idpFetchResult}) from {@code result} beside the field whose action it is.
         */
        void showActionResult(F form, String action, Map<String, Object> result) throws IOException;

        /** The form page with the field errors of a refused value. */
        void showErrors(F form, ConfigurationException refused) throws IOException;
    }
}
