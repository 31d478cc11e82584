package com.atlassian.cache;

/** Declaration only, the host provides the real interface (atlassian-cache-api 6.0.2). */
@FunctionalInterface
public interface Supplier<T> extends java.util.function.Supplier<T> {

    @Override
    T get();
}
