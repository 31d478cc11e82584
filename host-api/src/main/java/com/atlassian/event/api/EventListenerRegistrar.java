package com.atlassian.event.api;

/** Declaration only, the host provides the real interface (atlassian-event 5.0.2). Evidence: docs/host-evidence.md. */
public interface EventListenerRegistrar {

    /** Registers every method of {@code listener} annotated with {@link EventListener}. */
    void register(Object listener);

    void unregister(Object listener);

    void unregisterAll();
}
