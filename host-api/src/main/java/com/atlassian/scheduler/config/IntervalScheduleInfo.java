package com.atlassian.scheduler.config;

import java.util.Date;

/**
 * Declaration only, the host provides the real class (atlassian-scheduler-api 4.1.0, {@code final}). The body keeps
 * its values for fake hosts in tests.
 */
public final class IntervalScheduleInfo {

    private final Date firstRunTime;
    private final long intervalInMillis;

    IntervalScheduleInfo(Date firstRunTime, long intervalInMillis) {
        this.firstRunTime = firstRunTime == null ? null : new Date(firstRunTime.getTime());
        this.intervalInMillis = intervalInMillis;
    }

    public Date getFirstRunTime() {
        return firstRunTime == null ? null : new Date(firstRunTime.getTime());
    }

    public long getIntervalInMillis() {
        return intervalInMillis;
    }
}
