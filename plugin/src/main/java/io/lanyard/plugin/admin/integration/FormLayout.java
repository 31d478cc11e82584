package io.lanyard.plugin.admin.integration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * How one kind's form is laid out, declared once per kind ({@link IntegrationAdmin.Forms#layout()}): its sections in
 * the order a person thinks about the integration, each with its fields, the less common ones behind a disclosure.
 * One template ({@code integrationForm}) draws every kind's form from it, and the validation banner lists the fields
 * that need attention in the same order, with links to them.
 *
 * <p>Texts come from the i18n file: a section's heading is {@code lanyard.admin.<pages>.section.<name>}, its
 * optional introduction {@code ….intro}, its disclosure {@code ….advanced}; a field's label and help are
 * {@code lanyard.admin.field.<name>} and {@code lanyard.admin.help.<name>} unless the field names others.
 *
 * @param sections in the order shown
 */
public record FormLayout(List<Section> sections) {

    /** Where the client secret section goes (see {@code SecretSection}); only for a kind that owns a secret. */
    public static final Section CLIENT_SECRET = new Section("secret", false, List.of());
    /** The field of the client secret section, for the validation banner. */
    static final String SECRET_FIELD = "clientSecret";

    public FormLayout {
        sections = List.copyOf(sections);
        List<String> names = sections.stream().flatMap(section -> section.fields().stream()).map(Field::name).toList();
        if (Set.copyOf(names).size() != names.size()) {
            throw new IllegalArgumentException("a field appears twice in the layout: " + names);
        }
    }

    public static FormLayout of(Section... sections) {
        return new FormLayout(List.of(sections));
    }

    /** A section with its fields, in order; fields marked {@link Field#advanced()} go behind its disclosure. */
    public static Section section(String name, Field... fields) {
        return new Section(name, false, List.of(fields));
    }

    /** Every field of every section, in order. */
    public Stream<Field> fields() {
        return sections.stream().flatMap(section -> section.fields().stream());
    }

    /** Whether the layout places the client secret section. */
    public boolean placesSecret() {
        return sections.contains(CLIENT_SECRET);
    }

    /**
     * The sections as the template draws them.
     *
     * @param pages    the kind's pages path, e.g. {@code idp}: the prefix of its section texts
     * @param values   each field's value: what was typed (a string, or a boolean for a check box), and the read-only
     *                 values such as a callback URL
     * @param defaults a new integration's values: a disclosure whose fields differ from them is shown open
     * @param errors   the messages of each field
     * @param includeSecret whether to draw the client secret section where the layout places it
     */
    public List<Map<String, Object>> toSoy(String pages, Map<String, Object> values, Map<String, Object> defaults,
            Map<String, List<String>> errors, boolean includeSecret) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Section section : sections) {
            if (section.equals(CLIENT_SECRET) && !includeSecret) {
                continue;
            }
            result.add(section.toSoy(pages, values, defaults, errors));
        }
        return result;
    }

    /**
     * The validation banner's list: each field with errors, in the form's order, with the element to link to, then
     * errors of anything else (such as the id, which is never typed) without a link.
     */
    public List<Map<String, Object>> errorSummary(Map<String, List<String>> errors) {
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        for (Section section : sections) {
            if (section.equals(CLIENT_SECRET)) {
                addEntry(entries, errors, SECRET_FIELD, "lanyard.admin.secret.heading", true);
            }
            for (Field field : section.fields()) {
                addEntry(entries, errors, field.name(), field.labelKey(), true);
            }
        }
        errors.keySet().stream().sorted().forEach(name -> addEntry(entries, errors, name, "", false));
        return List.copyOf(entries.values());
    }

    private static void addEntry(Map<String, Map<String, Object>> entries, Map<String, List<String>> errors,
            String field, String labelKey, boolean linked) {
        List<String> messages = errors.getOrDefault(field, List.of());
        if (messages.isEmpty() || entries.containsKey(field)) {
            return;
        }
        entries.put(field, Map.of("field", field, "labelKey", labelKey, "anchor", linked ? "field-" + field : "",
                "messages", messages));
    }

    /**
     * One section of the form.
     *
     * @param name   names its texts and its element ({@code section-<name>})
     * @param intro  whether it has an introduction ({@code lanyard.admin.<pages>.section.<name>.intro})
     * @param fields in order; the advanced ones are drawn behind the section's disclosure
     */
    public record Section(String name, boolean intro, List<Field> fields) {

        public Section {
            Objects.requireNonNull(name, "name");
            fields = List.copyOf(fields);
        }

        /** The same section with an introduction, e.g. to say what the section's settings do not cover. */
        public Section withIntro() {
            return new Section(name, true, fields);
        }

        Map<String, Object> toSoy(String pages, Map<String, Object> values, Map<String, Object> defaults,
                Map<String, List<String>> errors) {
            String texts = "lanyard.admin." + pages + ".section." + name;
            List<Field> advanced = fields.stream().filter(Field::advanced).toList();
            boolean open = advanced.stream().anyMatch(field -> errors.containsKey(field.name())
                    || !Objects.equals(values.get(field.name()), defaults.get(field.name())));
            Function<Field, Map<String, Object>> view = field -> field.toSoy(values, errors);
            Map<String, Object> soy = new HashMap<>();
            soy.put("name", name);
            soy.put("secret", equals(CLIENT_SECRET));
            soy.put("headingKey", texts);
            soy.put("introKey", intro ? texts + ".intro" : "");
            soy.put("fields", fields.stream().filter(field -> !field.advanced()).map(view).toList());
            soy.put("advanced", advanced.stream().map(view).toList());
            soy.put("advancedKey", texts + ".advanced");
            soy.put("open", open);
            return soy;
        }
    }

    /** How a field is drawn. */
    public enum Type {
        TEXT, NUMBER, URL, CHECKBOX, SELECT,
        /** Several entries, one per line (group names, a mapping table). */
        TEXTAREA,
        /** A value shown with a copy button, e.g. the callback URL to register at the provider. Not posted. */
        COPYABLE
    }

    /**
     * One field.
     *
     * @param name        the form's parameter (the form record's component) and the element's id, {@code field-<name>}
     * @param type        how it is drawn
     * @param required    marked as required
     * @param advanced    behind the section's disclosure
     * @param placeholder an example shown in an empty text field, or {@code ""}
     * @param labelKey    its label
     * @param helpKey     its help text
     * @param options     a select's choices
     * @param action      a button drawn beside the field that posts the form with {@code action=<action>} (whose
     *                    label is {@code lanyard.admin.<action>}), e.g. {@code fetch}; or {@code ""}
     */
    public record Field(String name, Type type, boolean required, boolean advanced, String placeholder,
            String labelKey, String helpKey, List<Option> options, String action) {

        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(placeholder, "placeholder");
            Objects.requireNonNull(labelKey, "labelKey");
            Objects.requireNonNull(helpKey, "helpKey");
            options = List.copyOf(options);
            Objects.requireNonNull(action, "action");
        }

        private static Field of(String name, Type type, List<Option> options) {
            return new Field(name, type, false, false, "", "lanyard.admin.field." + name, "lanyard.admin.help." + name,
                    options, "");
        }

        public static Field text(String name) {
            return of(name, Type.TEXT, List.of());
        }

        public static Field number(String name) {
            return of(name, Type.NUMBER, List.of());
        }

        public static Field url(String name) {
            return of(name, Type.URL, List.of());
        }

        public static Field textarea(String name) {
            return of(name, Type.TEXTAREA, List.of());
        }

        public static Field checkbox(String name) {
            return of(name, Type.CHECKBOX, List.of());
        }

        /** A select of the constants' names, each labelled {@code <optionKeys><constant name>}. */
        public static Field select(String name, List<String> values, String optionKeys) {
            return of(name, Type.SELECT, values.stream().map(value -> new Option(value, optionKeys + value)).toList());
        }

        public static Field copyable(String name) {
            return of(name, Type.COPYABLE, List.of());
        }

        public Field asRequired() {
            return new Field(name, type, true, advanced, placeholder, labelKey, helpKey, options, action);
        }

        public Field asAdvanced() {
            return new Field(name, type, required, true, placeholder, labelKey, helpKey, options, action);
        }

        public Field withPlaceholder(String example) {
            return new Field(name, type, required, advanced, example, labelKey, helpKey, options, action);
        }

        /** Another label and help than the field's name gives, e.g. where two kinds use one name differently. */
        public Field withTexts(String label, String help) {
            return new Field(name, type, required, advanced, placeholder, label, help, options, action);
        }

        public Field withHelp(String help) {
            return new Field(name, type, required, advanced, placeholder, labelKey, help, options, action);
        }

        public Field withAction(String formAction) {
            return new Field(name, type, required, advanced, placeholder, labelKey, helpKey, options, formAction);
        }

        /** Whether the form posts it: everything but a shown value. */
        public boolean posted() {
            return type != Type.COPYABLE;
        }

        Map<String, Object> toSoy(Map<String, Object> values, Map<String, List<String>> errors) {
            Object value = values.get(name);
            Map<String, Object> soy = new HashMap<>();
            soy.put("name", name);
            soy.put("type", type.name().toLowerCase(Locale.ROOT));
            soy.put("value", value instanceof String text ? text : "");
            soy.put("checked", Boolean.TRUE.equals(value));
            soy.put("required", required);
            soy.put("placeholder", placeholder);
            soy.put("labelKey", labelKey);
            soy.put("helpKey", helpKey);
            soy.put("options", options.stream().map(option -> Map.of("value", option.value(), "labelKey",
                    option.labelKey())).toList());
            soy.put("errors", errors.getOrDefault(name, List.of()));
            soy.put("action", action);
            return soy;
        }
    }

    /** A select's choice: the posted value and its label. */
    public record Option(String value, String labelKey) {
    }
}
