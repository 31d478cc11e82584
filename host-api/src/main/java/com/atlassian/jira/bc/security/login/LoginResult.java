package com.atlassian.jira.bc.security.login;

/** Declaration only, the host provides the real type (only its name matters: it is a return type we ignore). */
public interface LoginResult {
}
