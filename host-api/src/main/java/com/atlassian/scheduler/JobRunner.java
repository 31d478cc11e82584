package com.atlassian.scheduler;

/**
 * Declaration only, the host provides the real interface (atlassian-scheduler-api 4.1.0, {@code @PublicSpi}):
 * implemented by the plugin and registered with {@code SchedulerService.registerJobRunner}.
 */
@FunctionalInterface
public interface JobRunner {

    /** {@code @Nullable} in the real interface. */
    JobRunnerResponse runJob(JobRunnerRequest request);
}
