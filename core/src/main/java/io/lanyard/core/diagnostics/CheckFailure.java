package io.lanyard.core.diagnostics;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.util.Objects;

/**
 * Why a check failed: the stable code and the technical detail an administrator needs to fix it (URLs, HTTP
 * statuses, the provider's error code). Details come from our own exception messages, which never carry a token or
 * a secret; the UI still escapes them.
 */
public record CheckFailure(ErrorCode code, String detail) {

    public CheckFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    public static CheckFailure of(LanyardException failure) {
        return new CheckFailure(failure.errorCode(), failure.getMessage() == null ? "" : failure.getMessage());
    }
}
