package io.lanyard.bench.filter;

import java.lang.reflect.Proxy;

/** An implementation of a servlet interface that fails on every call: what the filter must not touch. */
public final class Unusable {

    private Unusable() {
    }

    public static <T> T of(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(Unusable.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return "unusable " + type.getSimpleName();
                    }
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
                            + " is not part of the measured path");
                }));
    }
}
