package io.lanyard.core.bearer;

/** What the bearer check needs of one HTTP request; the plugin adapts the servlet request. */
public interface BearerRequest {

    /** e.g. {@code GET} */
    String method();

    /** The path within the application (servlet path and path info), for the issuers' opaque-token paths. */
    String path();

    /** The address the connection came from (the container's remote address). */
    String remoteAddress();

    /** The {@code X-Forwarded-For} header, or null; believed only as far as the trusted proxies reach. */
    String forwardedFor();
}
