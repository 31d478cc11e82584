package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.secret.StoredSecret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What an admin form holds: the text the administrator typed (never a secret), shown again as typed when the
 * configuration it makes is refused.
 *
 * @param <C> the configuration the form makes
 */
public interface IntegrationForm<C> {

    String id();

    /** The fields for the form's template. */
    Map<String, Object> toSoy();

    /** @throws ConfigurationException with every field's errors */
    C toConfig(StoredSecret clientSecret);

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
