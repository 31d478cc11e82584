package com.atlassian.scheduler.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * Declaration only, the host provides the real class (atlassian-scheduler-api 4.1.0, {@code final} and
 * {@code @PublicApi}). The body keeps its value for fake hosts in tests.
 */
public final class JobRunnerKey implements Serializable, Comparable<JobRunnerKey> {

    private static final long serialVersionUID = 1L;

    private final String value;

    private JobRunnerKey(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static JobRunnerKey of(String value) {
        return new JobRunnerKey(value);
    }

    @Override
    public int compareTo(JobRunnerKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JobRunnerKey && ((JobRunnerKey) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
