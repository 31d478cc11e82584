package com.atlassian.bitbucket.i18n;

import java.io.Serializable;

/** Declaration only, the host provides the real class. The body keeps its values for fake hosts in tests. */
public class KeyedMessage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String localisedMessage;
    private final String rootMessage;

    public KeyedMessage(String key, String localisedMessage, String rootMessage) {
        this.key = key;
        this.localisedMessage = localisedMessage;
        this.rootMessage = rootMessage;
    }

    public String getKey() {
        return key;
    }

    public String getLocalisedMessage() {
        return localisedMessage;
    }

    public String getRootMessage() {
        return rootMessage;
    }
}
