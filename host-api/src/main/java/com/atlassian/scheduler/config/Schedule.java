package com.atlassian.scheduler.config;

import java.util.Date;
import java.util.TimeZone;

/**
 * Declaration only, the host provides the real class (atlassian-scheduler-api 4.1.0, {@code final} and
 * {@code @PublicApi}). The body keeps its values for fake hosts in tests.
 */
public final class Schedule {

    private final Type type;
    private final IntervalScheduleInfo intervalScheduleInfo;
    private final CronScheduleInfo cronScheduleInfo;

    private Schedule(Type type, IntervalScheduleInfo intervalScheduleInfo, CronScheduleInfo cronScheduleInfo) {
        this.type = type;
        this.intervalScheduleInfo = intervalScheduleInfo;
        this.cronScheduleInfo = cronScheduleInfo;
    }

    /** {@code firstRunTime} may be {@code null}. */
    public static Schedule forInterval(long intervalInMillis, Date firstRunTime) {
        return new Schedule(Type.INTERVAL, new IntervalScheduleInfo(firstRunTime, intervalInMillis), null);
    }

    public static Schedule runOnce(Date runTime) {
        return forInterval(0L, runTime);
    }

    public static Schedule forCronExpression(String cronExpression) {
        return forCronExpression(cronExpression, null);
    }

    public static Schedule forCronExpression(String cronExpression, TimeZone timeZone) {
        return new Schedule(Type.CRON_EXPRESSION, null, new CronScheduleInfo(cronExpression, timeZone));
    }

    public Type getType() {
        return type;
    }

    /** {@code null} unless {@link Type#INTERVAL}. */
    public IntervalScheduleInfo getIntervalScheduleInfo() {
        return intervalScheduleInfo;
    }

    /** {@code null} unless {@link Type#CRON_EXPRESSION}. */
    public CronScheduleInfo getCronScheduleInfo() {
        return cronScheduleInfo;
    }

    /** Declaration only, the host provides the real enum (constants resolve by name). */
    public enum Type {
        CRON_EXPRESSION,
        INTERVAL
    }
}
