package com.atlassian.scheduler.status;

/** Declaration only, the host provides the real enum (atlassian-scheduler-api 4.1.0; constants resolve by name). */
public enum RunOutcome {
    SUCCESS,
    UNAVAILABLE,
    ABORTED,
    FAILED
}
