package com.atlassian.scheduler.config;

/** Declaration only, the host provides the real enum (atlassian-scheduler-api 4.1.0; constants resolve by name). */
public enum RunMode {
    /** One node of the cluster runs each scheduled execution. */
    RUN_ONCE_PER_CLUSTER,
    /** Every node runs it. */
    RUN_LOCALLY
}
