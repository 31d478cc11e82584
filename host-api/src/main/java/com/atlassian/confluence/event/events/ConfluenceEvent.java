package com.atlassian.confluence.event.events;

import com.atlassian.event.Event;
import java.io.Serializable;

/**
 * Declaration only, the host provides the real class: {@code public abstract class ConfluenceEvent extends Event
 * implements Serializable} with {@code public ConfluenceEvent(Object src)} (DEC
 * {@code confluence-8.7.2/com/atlassian/confluence/event/events/ConfluenceEvent.java}; CONFIRMED 8.7, UNCONFIRMED
 * 9/10). Lanyard subclasses it for its cluster message, as Atlassian's troubleshooting plugin does
 * (docs/host-evidence.md §4.2).
 */
public abstract class ConfluenceEvent extends Event implements Serializable {

    public ConfluenceEvent(Object src) {
        super(src);
    }
}
