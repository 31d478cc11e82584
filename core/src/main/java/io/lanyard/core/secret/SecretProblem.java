package io.lanyard.core.secret;

import io.lanyard.core.error.ErrorCode;
import java.util.Objects;

/**
 * Why an owner has no usable client secret: a stable code and a sentence for the log and the admin UI that names
 * files and property names, never a value.
 */
public record SecretProblem(ErrorCode errorCode, String message) {

    public SecretProblem {
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return errorCode.code() + " " + message;
    }
}
