/**
 * The ports that must see the servlet request: the host's session of a request (who is logged in, logging in,
 * WebSudo, the remember-me cookie). Every other port is in {@code io.lanyard.core.host}.
 */
package io.lanyard.plugin.session;
