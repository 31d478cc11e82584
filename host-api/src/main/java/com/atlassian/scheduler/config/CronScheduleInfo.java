package com.atlassian.scheduler.config;

import java.util.TimeZone;

/**
 * Declaration only, the host provides the real class (atlassian-scheduler-api 4.1.0, {@code final}). The body keeps
 * its values for fake hosts in tests.
 */
public final class CronScheduleInfo {

    private final String cronExpression;
    private final TimeZone timeZone;

    CronScheduleInfo(String cronExpression, TimeZone timeZone) {
        this.cronExpression = cronExpression;
        this.timeZone = timeZone;
    }

    public String getCronExpression() {
        return cronExpression;
    }

    /** {@code null}: the product's default time zone. */
    public TimeZone getTimeZone() {
        return timeZone;
    }
}
