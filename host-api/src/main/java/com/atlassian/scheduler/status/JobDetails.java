package com.atlassian.scheduler.status;

import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import java.util.Date;

/** Declaration only, the host provides the real interface (atlassian-scheduler-api 4.1.0). */
public interface JobDetails {

    JobId getJobId();

    JobRunnerKey getJobRunnerKey();

    RunMode getRunMode();

    Schedule getSchedule();

    /** {@code null} when it will not run again. */
    Date getNextRunTime();

    boolean isRunnable();
}
