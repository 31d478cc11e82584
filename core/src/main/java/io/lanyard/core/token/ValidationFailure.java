package io.lanyard.core.token;

import io.lanyard.core.error.ErrorCode;
import java.util.Objects;

/** One rule a token broke: the stable code and, for the log, what exactly was wrong (never the token). */
public record ValidationFailure(ErrorCode code, String description) {

    public ValidationFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
        return code.code() + " " + description;
    }
}
