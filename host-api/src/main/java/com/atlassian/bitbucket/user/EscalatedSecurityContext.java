package com.atlassian.bitbucket.user;

import com.atlassian.bitbucket.util.Operation;

/**
 * Declaration only, the host provides the real interface (Bitbucket javadoc 6.10.1, 7.4, 9.5): runs an operation with
 * the added permissions and restores the security context afterwards. Evidence: docs/host-evidence.md, topic 2.3.
 */
public interface EscalatedSecurityContext {

    <T, E extends Throwable> T call(Operation<T, E> operation) throws E;
}
