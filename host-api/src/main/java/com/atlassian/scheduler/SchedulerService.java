package com.atlassian.scheduler;

import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.Schedule;
import com.atlassian.scheduler.status.JobDetails;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Declaration only, the host provides the real interface (atlassian-scheduler-api 4.1.0, {@code @PublicApi}; an OSGi
 * service in all four products: Atlassian's own SSO plugin imports it, registers its runners when it starts and
 * unregisters them when it stops). Evidence: docs/host-evidence.md, topic 7.
 */
public interface SchedulerService {

    void registerJobRunner(JobRunnerKey jobRunnerKey, JobRunner jobRunner);

    void unregisterJobRunner(JobRunnerKey jobRunnerKey);

    Set<JobRunnerKey> getRegisteredJobRunnerKeys();

    void scheduleJob(JobId jobId, JobConfig jobConfig) throws SchedulerServiceException;

    JobId scheduleJobWithGeneratedId(JobConfig jobConfig) throws SchedulerServiceException;

    void unscheduleJob(JobId jobId);

    /** Also how Atlassian's SSO validates a cron expression. */
    Date calculateNextRunTime(Schedule schedule) throws SchedulerServiceException;

    /** {@code null} when there is no such job. */
    JobDetails getJobDetails(JobId jobId);

    List<JobDetails> getJobsByJobRunnerKey(JobRunnerKey jobRunnerKey);
}
