package com.atlassian.scheduler;

/** Declaration only, the host provides the real class (atlassian-scheduler-api 4.1.0, checked, {@code @PublicApi}). */
public class SchedulerServiceException extends Exception {

    private static final long serialVersionUID = 1L;

    public SchedulerServiceException(String message) {
        super(message);
    }

    public SchedulerServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
