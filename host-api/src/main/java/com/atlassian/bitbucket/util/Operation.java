package com.atlassian.bitbucket.util;

/**
 * Declaration only, the host provides the real interface (Bitbucket javadoc 6.9, 6.10.1, 9.5: "operations carried out
 * by services on behalf of plugins"). Evidence: docs/host-evidence.md, topic 2.3.
 *
 * @param <T> the operation's result
 * @param <E> what it may throw
 */
@FunctionalInterface
public interface Operation<T, E extends Throwable> {

    T perform() throws E;
}
