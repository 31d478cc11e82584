package io.lanyard.osgi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/**
 * Apache Felix set up the way the Atlassian products run plugins: the host exports its logging APIs from the class
 * path (system bundle), Spring 5.3 and the Gemini Blueprint (Spring DM) extender turn each bundle's
 * {@code Spring-Context} into an application context, host services are OSGi services, and the plugin jars are
 * installed as they are.
 */
final class FelixHost implements AutoCloseable {

    /** What the products export from their web application's class path, here from the test's. */
    private static final String HOST_EXPORTS = String.join(",",
            "org.slf4j;version=2.0.17", "org.slf4j.spi;version=2.0.17", "org.slf4j.event;version=2.0.17",
            "org.slf4j.helpers;version=2.0.17",
            "org.apache.commons.logging;version=1.2", "org.apache.commons.logging.impl;version=1.2");
    /** The servlet API a Platform 7 product's web application exports to plugins, when Felix runs inside it. */
    private static final String WEB_APPLICATION_SERVLET_EXPORTS = String.join(",",
            "javax.servlet;version=4.0.0", "javax.servlet.http;version=4.0.0", "javax.servlet.annotation;version=4.0.0",
            "javax.servlet.descriptor;version=4.0.0");
    private static final Duration CONTEXT_TIMEOUT = Duration.ofSeconds(90);

    private final Generation generation;
    private final Framework framework;
    private final Bundle hostBundle;
    private final Bundle geminiCore;
    private final Map<Product, Bundle> plugins = new EnumMap<>(Product.class);
    private final Map<String, String> contextFailures = new ConcurrentHashMap<>();

    private FelixHost(Generation generation, Framework framework, Bundle hostBundle, Bundle geminiCore) {
        this.generation = generation;
        this.framework = framework;
        this.hostBundle = hostBundle;
        this.geminiCore = geminiCore;
    }

    /** Starts Felix with the extender, the servlet API of {@code generation} (a bundle) and the fake host's API bundle. */
    static FelixHost boot(Generation generation, Path workDirectory) throws Exception {
        return boot(generation, workDirectory, false);
    }

    /**
     * Starts Felix as a Platform 7 product runs it inside its web application: the javax servlet API is the class
     * path's, exported by the system bundle, so the plugins' filters and servlets are of the very types an embedded
     * servlet container on the test's class path calls (see {@link PluginWebHost}).
     */
    static FelixHost bootInWebApplication(Path workDirectory) throws Exception {
        return boot(Generation.JAVAX, workDirectory, true);
    }

    private static FelixHost boot(Generation generation, Path workDirectory, boolean servletApiFromClassPath)
            throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, workDirectory.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                servletApiFromClassPath ? HOST_EXPORTS + "," + WEB_APPLICATION_SERVLET_EXPORTS : HOST_EXPORTS);
        config.put(Constants.FRAMEWORK_BOOTDELEGATION, "sun.*,com.sun.*");
        config.put("felix.log.level", "1");
        // lets a test install the other generation's jar (same symbolic name and version) to see it refused
        config.put(Constants.FRAMEWORK_BSNVERSION, Constants.FRAMEWORK_BSNVERSION_MULTIPLE);
        Framework framework = new FrameworkFactory().newFramework(config);
        framework.start();
        BundleContext system = framework.getBundleContext();

        List<Bundle> infrastructure = new ArrayList<>();
        for (Path jar : OsgiFiles.extenderBundles()) {
            infrastructure.add(system.installBundle(jar.toUri().toString()));
        }
        if (!servletApiFromClassPath) {
            infrastructure.add(system.installBundle(generation.servletApi().toUri().toString()));
        }
        Bundle host = system.installBundle(FakeHostBundle.write(generation, workDirectory).toUri().toString());
        infrastructure.add(host);
        Bundle geminiCore = null;
        for (Bundle bundle : infrastructure) {
            bundle.start();
            if ("org.eclipse.gemini.blueprint.core".equals(bundle.getSymbolicName())) {
                geminiCore = bundle;
            }
        }
        FelixHost felix = new FelixHost(generation, framework, host, geminiCore);
        felix.listenForContextFailures();
        return felix;
    }

    /** Gemini Blueprint announces a context that failed to start as an event: keep its cause for the assertion. */
    private void listenForContextFailures() throws ClassNotFoundException {
        Class<?> listener = geminiCore.loadClass(
                "org.eclipse.gemini.blueprint.context.event.OsgiBundleApplicationContextListener");
        Object proxy = Proxy.newProxyInstance(listener.getClassLoader(), new Class<?>[] {listener}, (self, method, args) -> {
            if (method.getName().equals("onOsgiApplicationEvent")) {
                Object event = args[0];
                if (event.getClass().getSimpleName().contains("Failed")) {
                    Bundle bundle = (Bundle) call(event, "getBundle");
                    Throwable cause = (Throwable) call(event, "getFailureCause");
                    contextFailures.put(bundle.getSymbolicName(), String.valueOf(cause));
                }
                return null;
            }
            return method.getName().equals("hashCode") ? System.identityHashCode(self)
                    : method.getName().equals("equals") ? self == args[0] : "context failure listener";
        });
        geminiCore.getBundleContext().registerService(listener.getName(), proxy, null);
    }

    Generation generation() {
        return generation;
    }

    Bundle hostBundle() {
        return hostBundle;
    }

    /** The host's bundle context: where the fake host services are registered. */
    BundleContext hostContext() {
        return hostBundle.getBundleContext();
    }

    /** A class of the host's API (our declarations, as the fake host bundle exports them). */
    Class<?> hostClass(String name) {
        try {
            return hostBundle.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the fake host has no " + name, e);
        }
    }

    /** {@code servletClass("http.HttpServletRequest")}: the generation's servlet type, as the host imports it. */
    Class<?> servletClass(String nameInServletPackage) {
        return hostClass(generation.servletType(nameInServletPackage));
    }

    Bundle install(Product product) throws BundleException {
        Bundle bundle = framework.getBundleContext().installBundle(product.jar(generation).toUri().toString());
        plugins.put(product, bundle);
        return bundle;
    }

    /** Installs a jar without keeping it as one of the plugins under test. */
    Bundle installOther(Path jar) throws BundleException {
        return framework.getBundleContext().installBundle(jar.toUri().toString() + "#other");
    }

    Bundle plugin(Product product) {
        return plugins.get(product);
    }

    /** The plugin's Spring application context, once the extender has published it (fails fast on an error). */
    Object applicationContext(Product product) throws InterruptedException {
        Bundle bundle = plugins.get(product);
        long deadline = System.nanoTime() + CONTEXT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String failure = contextFailures.get(product.pluginKey());
            if (failure != null) {
                throw new AssertionError("Spring context of " + product.pluginKey() + " failed: " + failure);
            }
            ServiceReference<?>[] references = bundle.getRegisteredServices();
            if (references != null) {
                for (ServiceReference<?> reference : references) {
                    String[] classes = (String[]) reference.getProperty(Constants.OBJECTCLASS);
                    if (List.of(classes).contains("org.springframework.context.ApplicationContext")) {
                        return framework.getBundleContext().getService(reference);
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no Spring context for " + product.pluginKey() + " after " + CONTEXT_TIMEOUT
                + "; bundle state " + bundle.getState());
    }

    Object bean(Product product, String name) throws InterruptedException {
        return call(applicationContext(product), "getBean", name);
    }

    /** Calls a public method by name and argument count (the objects live in other class loaders). */
    static Object call(Object target, String method, Object... args) {
        for (Method candidate : target.getClass().getMethods()) {
            if (candidate.getName().equals(method) && accepts(candidate.getParameterTypes(), args)) {
                try {
                    return candidate.invoke(target, args);
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException(target.getClass().getName() + " has no method " + method + " for "
                + java.util.Arrays.toString(args));
    }

    private static boolean accepts(Class<?>[] types, Object[] args) {
        if (types.length != args.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i].isPrimitive() ? boxed(types[i]) : types[i];
            if (args[i] == null ? types[i].isPrimitive() : !type.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return primitive == boolean.class ? Boolean.class : primitive == int.class ? Integer.class
                : primitive == long.class ? Long.class : primitive == char.class ? Character.class : Object.class;
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(30_000);
    }
}
