package com.atlassian.jira.bc.security.login;

/**
 * Declaration only, the host provides the real interface: the return type of Jira's
 * {@code LoginManager.onLoginAttempt(HttpServletRequest, String, boolean)}. Lanyard ignores the value, but the JVM
 * links the call on this exact type (not {@code LoginResult}). Evidence: docs/host-evidence.md, topic 1.
 */
public interface LoginInfo {
}
