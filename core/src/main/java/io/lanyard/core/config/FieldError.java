package io.lanyard.core.config;

import java.util.Objects;

/**
 * One reason a configuration value was refused.
 *
 * @param field   the field's name as the admin UI and the JSON API name it (e.g. {@code discoveryUrl})
 * @param message what is wrong, in English, safe to show to an administrator (never contains a secret)
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
