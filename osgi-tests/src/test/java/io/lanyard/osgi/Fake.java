package io.lanyard.osgi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A recording stand-in for one host interface, made as a dynamic proxy of the interface as the bundle that
 * declares it loaded it: the plugin under test sees exactly the host's type. Answers are given per method name;
 * unanswered methods return {@code null}, {@code false} or {@code 0}.
 */
final class Fake implements InvocationHandler {

    record Call(String method, List<Object> arguments) {
    }

    private final String name;
    private final Map<String, Function<Object[], Object>> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private Object proxy;

    private Fake(String name) {
        this.name = name;
    }

    /** A fake of {@code type}, loaded through {@code loader} (a bundle's class loader or the bundle itself). */
    static Fake of(Class<?> type) {
        Fake fake = new Fake("fake " + type.getSimpleName());
        fake.proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, fake);
        return fake;
    }

    Fake answer(String method, Function<Object[], Object> answer) {
        answers.put(method, answer);
        return this;
    }

    Fake returning(String method, Object value) {
        return answer(method, args -> value);
    }

    Object proxy() {
        return proxy;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    void forget() {
        calls.clear();
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) {
        switch (method.getName()) {
            case "toString":
                if (method.getParameterCount() == 0) {
                    return name;
                }
                break;
            case "hashCode":
                if (method.getParameterCount() == 0) {
                    return System.identityHashCode(self);
                }
                break;
            case "equals":
                if (method.getParameterCount() == 1) {
                    return self == args[0];
                }
                break;
            default:
                break;
        }
        Object[] arguments = args == null ? new Object[0] : args;
        calls.add(new Call(method.getName(), Arrays.asList(arguments.clone())));
        Function<Object[], Object> answer = answers.get(method.getName());
        if (answer != null) {
            return answer.apply(arguments);
        }
        return defaultValue(method.getReturnType());
    }

    /** What an unanswered method returns, boxed as its own type (never promoted: an int stays an Integer). */
    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return null;
    }
}
