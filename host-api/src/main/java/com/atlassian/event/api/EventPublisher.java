package com.atlassian.event.api;

/**
 * Declaration only, the host provides the real interface (atlassian-event 5.0.2; an OSGi service in all four
 * products: Atlassian's SSO plugin imports it). Evidence: docs/host-evidence.md, topics 1 and 4.
 */
public interface EventPublisher extends EventListenerRegistrar {

    void publish(Object event);
}
