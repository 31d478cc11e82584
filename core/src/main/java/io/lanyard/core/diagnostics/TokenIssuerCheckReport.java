package io.lanyard.core.diagnostics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the "Test" of a token issuer found, step by step: the token fetched by client credentials, checked as a
 * request's token is checked, its client mapped to an account, its scopes.
 *
 * @param steps   each step that ran, in order; the last one failed when {@code failure} is present
 * @param failure the code and detail of the step that failed
 */
public record TokenIssuerCheckReport(List<Step> steps, Optional<CheckFailure> failure) implements CheckReport {

    /** The steps, by name: {@code token}, {@code check}, {@code client}, {@code scopes}. */
    public record Step(String name, boolean passed, String detail) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public TokenIssuerCheckReport {
        steps = List.copyOf(steps);
        Objects.requireNonNull(failure, "failure");
    }
}
