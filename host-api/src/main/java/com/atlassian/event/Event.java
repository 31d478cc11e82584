package com.atlassian.event;

import java.util.EventObject;

/**
 * Declaration only, the host provides the real class (atlassian-event; the super class of Confluence's
 * {@code ConfluenceEvent}, DEC {@code confluence-8.7.2/com/atlassian/confluence/event/events/ConfluenceEvent.java}).
 *
 * <p>On the host it extends Spring's {@code ApplicationEvent} (itself an {@link EventObject}); this module has no
 * Spring, so the declaration stops at {@code EventObject}. Lanyard links only the type itself (as the result of
 * {@code ClusterEventWrapper.getEvent()}) and its subclasses' constructors.
 */
public abstract class Event extends EventObject {

    public Event(Object source) {
        super(source);
    }
}
