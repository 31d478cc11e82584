package com.atlassian.crowd.search.query.membership;

import com.atlassian.crowd.embedded.api.Query;
import com.atlassian.crowd.search.EntityDescriptor;

/**
 * Declaration only, the host provides the real class (crowd-api 5.1.6). The names of a user's direct groups:
 * {@code new MembershipQuery<>(String.class, false, EntityDescriptor.user(), username, EntityDescriptor.group(), 0,
 * -1)} ({@code findChildren} false = the parents of the matched user), usable with
 * {@code CrowdService.search} and {@code DirectoryManager.searchDirectGroupRelationships}. The body keeps its values
 * for fake hosts in tests. Evidence: docs/host-evidence.md, topic 2.
 */
public class MembershipQuery<T> implements Query<T> {

    private final Class<T> returnType;
    private final boolean findChildren;
    private final EntityDescriptor entityToMatch;
    private final String entityNameToMatch;
    private final EntityDescriptor entityToReturn;
    private final int startIndex;
    private final int maxResults;

    /** {@code maxResults} -1: all. */
    public MembershipQuery(Class<T> returnType, boolean findChildren, EntityDescriptor entityToMatch,
            String entityNameToMatch, EntityDescriptor entityToReturn, int startIndex, int maxResults) {
        this.returnType = returnType;
        this.findChildren = findChildren;
        this.entityToMatch = entityToMatch;
        this.entityNameToMatch = entityNameToMatch;
        this.entityToReturn = entityToReturn;
        this.startIndex = startIndex;
        this.maxResults = maxResults;
    }

    public Class<T> getReturnType() {
        return returnType;
    }

    public boolean isFindChildren() {
        return findChildren;
    }

    public EntityDescriptor getEntityToMatch() {
        return entityToMatch;
    }

    public String getEntityNameToMatch() {
        return entityNameToMatch;
    }

    public EntityDescriptor getEntityToReturn() {
        return entityToReturn;
    }

    public int getStartIndex() {
        return startIndex;
    }

    public int getMaxResults() {
        return maxResults;
    }
}
