package io.lanyard.plugin.admin.api;

import io.lanyard.core.config.FieldError;
import io.lanyard.core.error.ErrorCode;
import java.util.List;

/** A refused API request: the HTTP status, the stable code, a message safe to send (never a value sent in). */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final ErrorCode code;
    private final transient List<FieldError> fields;

    ApiException(int status, ErrorCode code, String message) {
        this(status, code, message, List.of());
    }

    ApiException(int status, ErrorCode code, String message, List<FieldError> fields) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    int status() {
        return status;
    }

    ErrorCode code() {
        return code;
    }

    List<FieldError> fields() {
        return fields;
    }
}
