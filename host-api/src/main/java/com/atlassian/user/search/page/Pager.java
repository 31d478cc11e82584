package com.atlassian.user.search.page;

/** Declaration only, the host provides the real interface. */
public interface Pager<T> extends Iterable<T> {
}
