package com.atlassian.bitbucket.i18n;

/** Declaration only, the host provides the real interface. */
public interface I18nService {

    KeyedMessage getKeyedText(String key, String fallbackMessage, Object... arguments);
}
