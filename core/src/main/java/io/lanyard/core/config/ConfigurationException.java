package io.lanyard.core.config;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.util.List;
import java.util.stream.Collectors;

/** A configuration was refused; carries every reason, each tied to its field. */
public class ConfigurationException extends LanyardException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> fieldErrors;

    public ConfigurationException(String context, List<FieldError> fieldErrors) {
        this(ErrorCode.CONFIG_INVALID, context, fieldErrors);
    }

    public ConfigurationException(ErrorCode errorCode, String context, List<FieldError> fieldErrors) {
        super(errorCode, context + ": " + fieldErrors.stream().map(FieldError::toString)
                .collect(Collectors.joining("; ")));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
