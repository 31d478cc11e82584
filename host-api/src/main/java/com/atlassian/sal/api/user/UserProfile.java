package com.atlassian.sal.api.user;

/** Declaration only, the host provides the real interface (SAL 5.1.4). Evidence: docs/host-evidence.md, topic 2.3. */
public interface UserProfile {

    UserKey getUserKey();

    String getUsername();

    String getFullName();

    String getEmail();
}
