package io.lanyard.core.token;

import io.lanyard.core.error.LoginFailedException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A token (ID token, signed userinfo) broke one or more rules. The exception's code is the first failure's,
 * in the order of the specification's steps; {@link #failures()} lists them all for the log and for tests.
 */
public class TokenRejectedException extends LoginFailedException {

    private static final long serialVersionUID = 1L;

    private final transient List<ValidationFailure> failures;

    public TokenRejectedException(String what, List<ValidationFailure> failures) {
        super(failures.get(0).code(), what + " rejected: "
                + failures.stream().map(ValidationFailure::toString).collect(Collectors.joining("; ")));
        this.failures = List.copyOf(failures);
    }

    public List<ValidationFailure> failures() {
        return failures;
    }
}
