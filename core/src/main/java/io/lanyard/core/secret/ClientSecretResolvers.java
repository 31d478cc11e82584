package io.lanyard.core.secret;

import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.secured.SecuredPropertiesSetting;
import io.lanyard.core.secret.secured.SecuredPropertyImporter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the {@link ClientSecretResolver} when Lanyard starts, the same way in every product and in the sandbox:
 * a snapshot of the environment and of the JVM system properties (names of ours only), and, on Bitbucket 9+ with
 * {@code -Dsecrets.secured-properties}, Lanyard's encrypted store.
 */
public final class ClientSecretResolvers {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSecretResolvers.class);

    private ClientSecretResolvers() {
    }

    /**
     * From this process's real environment and system properties. Call once at start: "Any changes to environment
     * variables (adding, modifying or removing) require a restart of the Atlassian host for changes to take effect."
     *
     * @param host             which product and version Lanyard runs in
     * @param lanyardDirectory Lanyard's folder in the shared home (where the encrypted store and its key live)
     */
    public static ClientSecretResolver atStart(HostProduct host, Path lanyardDirectory) {
        return atStart(System.getenv(), System.getProperties(), System::clearProperty, host, lanyardDirectory);
    }

    /**
     * From a given environment and system properties (the sandbox and tests inject them).
     *
     * @param clearSystemProperty clears one property of {@code systemProperties} ({@code System::clearProperty}
     *                            for the real ones)
     */
    public static ClientSecretResolver atStart(Map<String, String> environment, Properties systemProperties,
            Consumer<String> clearSystemProperty, HostProduct host, Path lanyardDirectory) {
        Map<String, String> jvm = oursOf(systemProperties);
        SecuredValues secured = SecuredValues.none();
        String setting = systemProperties.getProperty(SecuredPropertiesSetting.PROPERTY);
        if (setting != null) {
            Optional<SecuredPropertyImporter.Result> imported =
                    importSecured(setting, environment, jvm, clearSystemProperty, host, lanyardDirectory);
            if (imported.isPresent()) {
                secured = imported.get().values();
                // A JVM property now in the encrypted store is read from there: the store is what it reports.
                jvm.keySet().removeAll(imported.get().storedFromSystemProperties());
            }
        }
        return new ExternalSecretResolver(environment, jvm, secured);
    }

    private static Optional<SecuredPropertyImporter.Result> importSecured(String setting,
            Map<String, String> environment, Map<String, String> jvm, Consumer<String> clearSystemProperty,
            HostProduct host, Path lanyardDirectory) {
        Optional<String> whyNot = SecuredPropertiesSetting.whyNotSupported(host);
        if (whyNot.isPresent()) {
            // "On other hosts the setting is ignored with one log line saying why."
            LOG.warn("{} is set but Lanyard ignores it: {}", SecuredPropertiesSetting.PROPERTY, whyNot.get());
            return Optional.empty();
        }
        List<String> names = SecuredPropertiesSetting.namesOfOurs(setting);
        if (names.isEmpty()) {
            LOG.info("{} lists none of Lanyard's client secret names", SecuredPropertiesSetting.PROPERTY);
            return Optional.empty();
        }
        return Optional.of(new SecuredPropertyImporter(lanyardDirectory)
                .importAtStart(names, environment, jvm, clearSystemProperty));
    }

    /** Only names of ours are copied: nothing else of the JVM's properties is kept. */
    private static Map<String, String> oursOf(Properties properties) {
        Map<String, String> ours = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (SecretPropertyNames.isOurs(name)) {
                ours.put(name, properties.getProperty(name));
            }
        }
        return ours;
    }
}
