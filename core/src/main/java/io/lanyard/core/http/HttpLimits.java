package io.lanyard.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of every call Lanyard makes to an identity provider, so that a slow or hostile provider can neither
 * hang a login thread nor fill the heap.
 *
 * @param connectTimeout time to open the connection
 * @param responseTimeout time from sending the request to having the whole body
 * @param maxBodyBytes largest response body accepted
 */
public record HttpLimits(Duration connectTimeout, Duration responseTimeout, int maxBodyBytes) {

    public static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 512 * 1024);

    public HttpLimits {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }
}
