package com.atlassian.crowd.manager.directory;

import com.atlassian.crowd.exception.PermissionException;

/**
 * Declaration only, the host provides the real class (crowd-api 5.1.6): the directory does not allow the operation
 * (read-only LDAP, a directory without CREATE_USER...). Caught by Lanyard, never thrown by it.
 */
public class DirectoryPermissionException extends PermissionException {

    private static final long serialVersionUID = 1L;

    public DirectoryPermissionException(String message) {
        super(message);
    }
}
