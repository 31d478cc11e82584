package io.lanyard.core.diagnostics;

import java.util.Optional;

/** What a "Test" found: passed, or the failure (stable code and detail) of the step that stopped it. */
public interface CheckReport {

    /** The first failure; empty when every step passed. */
    Optional<CheckFailure> failure();

    default boolean passed() {
        return failure().isEmpty();
    }
}
