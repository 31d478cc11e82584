package com.atlassian.sal.api.message;

import java.io.Serializable;

/**
 * Declaration only, the host provides the real interface (SAL 5.1.4). A plugin may implement it (Confluence's own
 * SAL listener does, with an anonymous class). Evidence: docs/host-evidence.md, topic 1.
 */
public interface Message extends Serializable {

    String getKey();

    Serializable[] getArguments();
}
