package com.atlassian.crowd.embedded.api;

/** Declaration only, the host provides the real interface. */
public interface CrowdService {

    User getUser(String name);

    <T> Iterable<T> search(Query<T> query);
}
