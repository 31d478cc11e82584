package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationBuilder;
import io.lanyard.core.secret.StoredSecret;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an admin form holds: the text the administrator typed (never a secret), shown again as typed when the
 * configuration it makes is refused. Every kind's form is a record whose components are named as the page's fields
 * (and the builder's fields) are: texts are {@code String}s, check boxes {@code boolean}s, and the first component is
 * the id. A part of the form that is a feature's own (a provider's users and groups) is a nested record of the same
 * kind, whose fields sit beside the others in the page. So a posted form is read, and a form shown, the same way for
 * every kind ({@link #read}, {@link #toSoy}).
 *
 * @param <C> the configuration the form makes
 */
public interface IntegrationForm<C extends Integration> {

    String id();

    String displayName();

    boolean enabled();

    /** @throws ConfigurationException with every field's errors */
    C toConfig(StoredSecret clientSecret);

    /** The typed values for the form's template, by field name, in the record's order; never a secret. */
    default Map<String, Object> toSoy() {
        Map<String, Object> values = new LinkedHashMap<>();
        putFields((Record) this, values);
        return values;
    }

    /** The record's components by name, a nested record's components beside them. */
    private static void putFields(Record form, Map<String, Object> values) {
        for (RecordComponent component : form.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(form);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("a form's field cannot be read: " + component.getName(), e);
            }
            if (value instanceof Record part) {
                putFields(part, values);
            } else {
                values.put(component.getName(), value);
            }
        }
    }

    /** Sets what every kind's form has on {@code builder}. */
    default <B extends IntegrationBuilder<C>> B common(B builder, StoredSecret clientSecret) {
        builder.id(id()).displayName(displayName()).enabled(enabled()).clientSecret(clientSecret);
        return builder;
    }

    /**
     * Reads a posted form of {@code type}: each text field's parameter ({@code ""} when absent), each check box
     * ticked when its parameter is present.
     *
     * @param id        the id from the URL (an existing integration) or the hidden field (a new one)
     * @param parameter the posted value of a parameter, or null
     */
    static <F extends IntegrationForm<?>> F read(Class<F> type, String id, Function<String, String> parameter) {
        return readRecord(type, id, parameter);
    }

    /** A record of texts, check boxes and nested such records; {@code id}, when given, is the first component. */
    private static <R> R readRecord(Class<R> type, String id, Function<String, String> parameter) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String posted = parameter.apply(components[i].getName());
            values[i] = i == 0 && id != null ? id : types[i].isRecord() ? readRecord(types[i], null, parameter)
                    : types[i] == boolean.class ? (Object) (posted != null) : posted == null ? "" : posted;
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " is not a form record of texts and check boxes", e);
        }
    }

    /**
     * Runs the builder's rules after the form's own parsing and reports each field once: a value that could not be
     * parsed left the builder's default in its place, so the builder's word on that field would mislead.
     *
     * @throws ConfigurationException with the parse errors and the builder's errors on the other fields
     */
    static <C> C build(Supplier<C> builder, List<FieldError> parseErrors, String what) {
        C config = null;
        List<FieldError> builderErrors = List.of();
        try {
            config = builder.get();
        } catch (ConfigurationException e) {
            builderErrors = e.fieldErrors();
        }
        if (config != null && parseErrors.isEmpty()) {
            return config;
        }
        Set<String> unparsed = new HashSet<>();
        parseErrors.forEach(error -> unparsed.add(error.field()));
        List<FieldError> all = new ArrayList<>(parseErrors);
        builderErrors.stream().filter(error -> !unparsed.contains(error.field())).forEach(all::add);
        throw new ConfigurationException(what + " form is invalid", all);
    }
}
