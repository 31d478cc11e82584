package io.lanyard.core.config;

import java.util.Objects;

/**
 * One condition of a {@link CiTrustPolicy}: the claim {@code claim} of the job's token must equal {@code expected}, or,
 * when {@code expected} holds {@code *} or {@code ?}, match it as a glob ({@code *} any run of characters including
 * {@code /}, {@code ?} one character; nothing else is special).
 */
public record ClaimCondition(String claim, String expected) {

    public ClaimCondition {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(expected, "expected");
    }

    public boolean isGlob() {
        return expected.indexOf('*') >= 0 || expected.indexOf('?') >= 0;
    }

    /** {@code claim=expected}, as the file and the form write it. */
    @Override
    public String toString() {
        return claim + "=" + expected;
    }
}
