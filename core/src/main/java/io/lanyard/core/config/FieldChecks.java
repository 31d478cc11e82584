package io.lanyard.core.config;

import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.error.LogText;
import java.util.List;
import java.util.regex.Pattern;

/** Checks the configuration builders share, so a field means the same in every kind of configuration. */
final class FieldChecks {

    /** Control characters and line separators would break log lines, XML attributes and the admin pages' layout. */
    static final Pattern CONTROL = LogText.LINE_BREAKING;

    private FieldChecks() {
    }

    /**
     * A required single-line text: given, stripped, at most {@code maxLength} characters, no control characters.
     *
     * @return the stripped value, or null after adding the field's error to {@code errors}
     */
    static String requireText(List<FieldError> errors, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must be given"));
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        if (CONTROL.matcher(stripped).find()) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return stripped;
    }

    /** The current and the next client secret must be given as values, which may be "none". */
    static void requireSecrets(List<FieldError> errors, StoredSecret current, StoredSecret next) {
        if (current == null) {
            errors.add(new FieldError("clientSecret", "must be given (it may be empty)"));
        }
        if (next == null) {
            errors.add(new FieldError("nextClientSecret", "must be given (it may be empty)"));
        }
    }
}
