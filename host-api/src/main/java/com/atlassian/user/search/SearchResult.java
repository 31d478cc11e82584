package com.atlassian.user.search;

import com.atlassian.user.search.page.Pager;

/** Declaration only, the host provides the real interface. */
public interface SearchResult<T> {

    Pager<T> pager();
}
