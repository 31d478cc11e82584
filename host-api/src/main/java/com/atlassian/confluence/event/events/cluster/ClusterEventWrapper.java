package com.atlassian.confluence.event.events.cluster;

import com.atlassian.confluence.event.events.ConfluenceEvent;
import com.atlassian.event.Event;
import java.io.Serializable;

/**
 * Declaration only, the host provides the real class: {@code public class ClusterEventWrapper extends ConfluenceEvent
 * implements Serializable}, {@code ClusterEventWrapper(Object src, Event event)}, {@code Event getEvent()}; what the
 * other nodes' listeners receive for a {@link ClusterEvent} (DEC
 * {@code confluence-8.7.2/com/atlassian/confluence/event/events/cluster/ClusterEventWrapper.java}; CONFIRMED 8.7,
 * UNCONFIRMED 9/10). The body keeps its event for fake hosts in tests.
 */
public class ClusterEventWrapper extends ConfluenceEvent implements Serializable {

    protected Event event;

    public ClusterEventWrapper(Object src, Event event) {
        super(src);
        this.event = event;
    }

    public Event getEvent() {
        return event;
    }
}
