package com.atlassian.bitbucket.auth;

import com.atlassian.bitbucket.i18n.KeyedMessage;

/** Declaration only, the host provides the real class (only its constructor is used: thrown to expire a session). */
public class ExpiredAuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExpiredAuthenticationException(KeyedMessage message) {
        super(message == null ? null : message.getRootMessage());
    }
}
