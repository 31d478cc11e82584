/**
 * API access (issue 16): bearer tokens that scripts and other servers present to the REST API, authenticated for that
 * one request. {@link io.lanyard.core.bearer.BearerAuthenticator} tells Lanyard's tokens from everyone else's, checks
 * them ({@code core.token}: JWT access tokens, introspection), maps the client to its service account and keeps what
 * it verified in a bounded cache ({@link io.lanyard.core.bearer.VerifiedTokenCache}). Servlet-free, as all of core.
 */
package io.lanyard.core.bearer;
