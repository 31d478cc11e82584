package io.lanyard.core.host;

import java.net.URI;

/** Port: the host's canonical base URL (e.g. {@code https://jira.example.com/jira}), as its administrator set it. */
@FunctionalInterface
public interface BaseUrl {

    /** Absolute, without a trailing slash. */
    URI baseUrl();
}
