/**
 * The ports: what Lanyard asks of the host application, one small interface per concern, none with a servlet type
 * (users and their reads, account writes, group memberships, base URL, homes, product; later cluster state). Each product implements them
 * with one thin adapter (products/&lt;product&gt;, plugin.sal), the sandbox with its own. The few ports that must see
 * the servlet request are in {@code io.lanyard.plugin.session}, because the core never does.
 */
package io.lanyard.core.host;
