package io.lanyard.core.bearer;

/**
 * What the bearer check needs of one HTTP request, read from the host's request object by a stateless reader, so that
 * a repeat call allocates nothing to adapt it.
 *
 * @param <R> the host's request type (the plugin's servlet request; tests' own)
 */
public interface BearerRequest<R> {

    /** e.g. {@code GET} */
    String method(R request);

    /** The path within the application (servlet path and path info), for the issuers' opaque-token paths. */
    String path(R request);

    /** The address the connection came from (the container's remote address). */
    String remoteAddress(R request);

    /** The {@code X-Forwarded-For} header, or null; believed only as far as the trusted proxies reach. */
    String forwardedFor(R request);
}
