package io.lanyard.core.secret.resolver;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.ClientSecrets;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.SecretSlot;
import io.lanyard.core.secret.SecretSource;
import io.lanyard.core.secret.SecretStatus;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.secured.SecuredPropertiesSetting;
import io.lanyard.core.secret.secured.SecuredPropertyImporter;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a client secret is resolved, for every kind of integration that owns one, in every product and in
 * the sandbox: which names are looked up, in which order, from which sources (specification: seed 000).
 *
 * <p>The order, first match wins:
 * <ol>
 *   <li>the per-id name ({@code …_OIDC_<id>_CLIENTSECRET}, {@code …_AZUREADCONNECTORTYPE_<id>_CLIENTSECRET}):
 *       environment variable, then JVM system property, then (Bitbucket 9+) Lanyard's encrypted store;</li>
 *   <li>the static name ({@code …_OIDCSTATIC_CLIENTSECRET}, {@code …_AZUREADCONNECTORTYPE_STATIC_CLIENTSECRET}),
 *       in the same three places;</li>
 *   <li>the configuration file's {@code CLIENT_SECRET}.</li>
 * </ol>
 * A blank value counts as not set; other values are used without surrounding whitespace.
 *
 * <p>The next secret of a rotation ({@link SecretSlot#NEXT}) is resolved the same way under the same names with
 * {@value SecretPropertyNames#NEXT_SUFFIX} and from {@code CLIENT_SECRET_NEXT}; which of the two a provider accepts
 * is {@link #rotation()}'s business.
 *
 * <p>The environment and the system properties are a snapshot taken when Lanyard starts ({@link #atStart}: "Any
 * changes to environment variables (adding, modifying or removing) require a restart of the Atlassian host for
 * changes to take effect."), limited to the names above, so that nothing else of the environment is kept.
 *
 * <p>Thread-safe and immutable but for the memory of what was logged.
 */
public final class ClientSecretResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSecretResolver.class);

    private final Map<String, Secret> environment;
    private final Map<String, Secret> systemProperties;
    private final SecuredPropertyValues secured;
    private final SecuredStoreKeys securedKeys;
    /** False when the sources outside the files could not be read at start: then only the files count. */
    private final boolean outsideRead;
    /** The outcome last logged per owner and slot: the admin pages resolve on every view, the log says each once. */
    private final ConcurrentMap<Logged, String> lastLogged = new ConcurrentHashMap<>();
    private final ClientSecretRotation rotation = new ClientSecretRotation();

    private record Logged(SecretOwner owner, SecretSlot slot) {
    }

    /**
     * @param environment      the process environment (only names of ours are kept)
     * @param systemProperties the JVM system properties (only names of ours are kept)
     * @param secured          the values of the encrypted store; {@link SecuredPropertyValues#none()} on most hosts
     */
    public ClientSecretResolver(Map<String, String> environment, Map<String, String> systemProperties,
            SecuredPropertyValues secured) {
        this(environment, systemProperties, secured, SecuredStoreKeys.unavailable("not read at a start"), true);
    }

    private ClientSecretResolver(Map<String, String> environment, Map<String, String> systemProperties,
            SecuredPropertyValues secured, SecuredStoreKeys securedKeys, boolean outsideRead) {
        this.environment = oursOnly(environment);
        this.systemProperties = oursOnly(systemProperties);
        this.secured = Objects.requireNonNull(secured, "secured");
        this.securedKeys = Objects.requireNonNull(securedKeys, "securedKeys");
        this.outsideRead = outsideRead;
    }

    /**
     * From this process's real environment and system properties. Call once at start. Never fails the host's start:
     * without a folder (the application reports no home) or when the outside sources cannot be read, the secrets
     * the configuration files hold are all there is, and the log says why.
     *
     * @param host             which product and version Lanyard runs in
     * @param lanyardDirectory Lanyard's folder in the shared home (where the encrypted store and its key live)
     */
    public static ClientSecretResolver atStart(HostProduct host, Optional<Path> lanyardDirectory) {
        return atStart(System.getenv(), System.getProperties(), System::clearProperty, host, lanyardDirectory);
    }

    /**
     * As {@link #atStart(HostProduct, Optional)} from a given environment and system properties (the sandbox's
     * tests inject them).
     *
     * @param clearSystemProperty clears one property of {@code systemProperties} ({@code System::clearProperty}
     *                            for the real ones)
     */
    public static ClientSecretResolver atStart(Map<String, String> environment, Properties systemProperties,
            Consumer<String> clearSystemProperty, HostProduct host, Optional<Path> lanyardDirectory) {
        if (lanyardDirectory.isEmpty()) {
            return fileOnly();
        }
        try {
            return fromOutside(environment, systemProperties, clearSystemProperty, host, lanyardDirectory.get());
        } catch (RuntimeException e) {
            // The product's start matters more: log it, keep the secrets that the configuration files hold.
            LOG.error("{} Client secrets from the environment, JVM properties or the encrypted store are unavailable; "
                    + "only CLIENT_SECRET values of the configuration files are used", ErrorCode.INTERNAL_ERROR.code(),
                    e);
            return fileOnly();
        }
    }

    /** Nothing from outside the configuration files: what is left when Lanyard has no folder. */
    public static ClientSecretResolver fileOnly() {
        return new ClientSecretResolver(Map.of(), Map.of(), SecuredPropertyValues.none(),
                SecuredStoreKeys.unavailable("Lanyard has no folder"), false);
    }

    /**
     * A snapshot of the names of ours in the environment and the JVM properties, and, on Bitbucket 9+ with
     * {@code -Dsecrets.secured-properties}, Lanyard's encrypted store.
     */
    private static ClientSecretResolver fromOutside(Map<String, String> environment, Properties systemProperties,
            Consumer<String> clearSystemProperty, HostProduct host, Path lanyardDirectory) {
        Map<String, String> jvm = oursOf(systemProperties);
        SecuredPropertyValues secured = SecuredPropertyValues.none();
        SecuredStoreKeys keys = SecuredPropertiesSetting.whyNotSupported(host).map(SecuredStoreKeys::unavailable)
                .orElseGet(() -> SecuredStoreKeys.in(lanyardDirectory));
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
        return new ClientSecretResolver(environment, jvm, secured, keys, true);
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

    /**
     * Names of ours only, each value held as a {@link Secret} from here on. A blank variable is the same as no
     * variable: an empty export must not become an empty secret.
     */
    private static Map<String, Secret> oursOnly(Map<String, String> values) {
        return values.entrySet().stream()
                .filter(e -> SecretPropertyNames.isOurs(e.getKey()) && e.getValue() != null && !e.getValue().isBlank())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Secret.of(e.getValue().strip())));
    }

    /**
     * The names looked up for {@code owner}, in order. "the property can be used with the KSSO id for the provider
     * or connector": the per-id name comes first, the more specific name wins.
     */
    public static List<String> namesInOrder(SecretOwner owner) {
        return List.of(owner.propertyName(), owner.staticPropertyName());
    }

    /** The names looked up for one slot of {@code owner}, in order: the next secret's end in {@code _NEXT}. */
    public static List<String> namesInOrder(SecretOwner owner, SecretSlot slot) {
        return namesInOrder(owner).stream().map(slot::nameOf).toList();
    }

    /** The key of the encrypted store, for its rotation (Bitbucket 9+; elsewhere it says why not). */
    public SecuredStoreKeys securedStoreKeys() {
        return securedKeys;
    }

    /**
     * Which of an owner's secrets a provider accepted last, on this node; shared by everything that authenticates
     * with them (logins, "Test", Microsoft Graph).
     */
    public ClientSecretRotation rotation() {
        return rotation;
    }

    /**
     * The secret {@code owner} uses, for a login or a "Test"; where it came from is logged when an owner is first
     * resolved and whenever its outcome changes (e.g. after a save).
     *
     * @param stored what the owner's configuration file holds in {@code CLIENT_SECRET}
     */
    public ResolvedSecret resolve(SecretOwner owner, StoredSecret stored) {
        return logged(owner, SecretSlot.CURRENT, describe(owner, stored));
    }

    /**
     * Both secrets of {@code owner}, for a login, a "Test" or a call to Microsoft Graph; logged as {@link #resolve}.
     *
     * @param stored     what the configuration file holds in {@code CLIENT_SECRET}
     * @param storedNext what it holds in {@code CLIENT_SECRET_NEXT}
     */
    public ClientSecrets resolveBoth(SecretOwner owner, StoredSecret stored, StoredSecret storedNext) {
        ClientSecrets described = describeBoth(owner, stored, storedNext);
        return new ClientSecrets(owner, logged(owner, SecretSlot.CURRENT, described.current()),
                described.next().map(next -> logged(owner, SecretSlot.NEXT, next)));
    }

    /** As {@link #resolveBoth}, to show it: not logged. */
    public ClientSecrets describeBoth(SecretOwner owner, StoredSecret stored, StoredSecret storedNext) {
        ResolvedSecret next = describe(owner, SecretSlot.NEXT, storedNext);
        boolean noNext = next.source() == SecretSource.NOT_SET && storedNext.kind() == StoredSecret.Kind.NONE;
        return new ClientSecrets(owner, describe(owner, stored), noNext ? Optional.empty() : Optional.of(next));
    }

    /**
     * The same resolution as {@link #resolve}, to show it (the admin pages, on every view), not to use the secret:
     * not logged.
     */
    public ResolvedSecret describe(SecretOwner owner, StoredSecret stored) {
        return describe(owner, SecretSlot.CURRENT, stored);
    }

    private ResolvedSecret describe(SecretOwner owner, SecretSlot slot, StoredSecret stored) {
        Objects.requireNonNull(stored, "stored");
        for (String name : namesInOrder(owner, slot)) {
            Optional<ResolvedSecret> outside = fromOutside(name);
            if (outside.isPresent()) {
                return outside.get();
            }
        }
        return fromFile(owner, slot, stored);
    }

    /** What the admin UI shows of {@code owner}'s secret: {@link #describe} and the names looked for, never a value. */
    public SecretStatus status(SecretOwner owner, StoredSecret stored) {
        return SecretStatus.of(owner, describe(owner, stored), namesInOrder(owner));
    }

    /**
     * "it can be securely overridden using environment variable or a Java/JVM system property names that take
     * precedence over the KSSO XML configuration": the environment first, then the JVM, then the encrypted store
     * (which a JVM property listed in {@code secrets.secured-properties} was moved into).
     */
    private Optional<ResolvedSecret> fromOutside(String name) {
        return Optional.ofNullable(environment.get(name))
                .map(s -> ResolvedSecret.found(s, SecretSource.ENVIRONMENT_VARIABLE, name))
                .or(() -> Optional.ofNullable(systemProperties.get(name))
                        .map(s -> ResolvedSecret.found(s, SecretSource.SYSTEM_PROPERTY, name)))
                .or(() -> secured.lookup(name));
    }

    private ResolvedSecret fromFile(SecretOwner owner, SecretSlot slot, StoredSecret stored) {
        if (stored.kind() == StoredSecret.Kind.PLAINTEXT) {
            return ResolvedSecret.found(stored.plaintext().orElseThrow(), SecretSource.CONFIGURATION_FILE, null);
        }
        if (!outsideRead) {
            return ResolvedSecret.notSet();
        }
        // "USING_ENVIRONMENT_PROPERTY" promises a secret from outside; none came: say which names were tried.
        return stored.kind() == StoredSecret.Kind.EXTERNAL
                ? ResolvedSecret.missingOutside(owner, slot, namesInOrder(owner, slot))
                : ResolvedSecret.notSet(owner, slot, namesInOrder(owner, slot));
    }

    /** Names, sources and fingerprints only; {@link ResolvedSecret#toString()} never contains the value. */
    private ResolvedSecret logged(SecretOwner owner, SecretSlot slot, ResolvedSecret resolved) {
        String outcome = resolved + resolved.fingerprint().orElse("");
        if (outcome.equals(lastLogged.put(new Logged(owner, slot), outcome))) {
            return resolved;
        }
        String which = slot == SecretSlot.CURRENT ? "Client secret" : "Next client secret";
        resolved.problem().ifPresentOrElse(
                problem -> LOG.warn("{} of {}: {}", which, owner, problem),
                () -> LOG.info("{} of {}: {}{} (fingerprint {})", which, owner, describe(owner, slot, resolved.source()),
                        resolved.propertyName().map(name -> " " + name).orElse(""),
                        resolved.fingerprint().orElse("")));
        return resolved;
    }

    private static String describe(SecretOwner owner, SecretSlot slot, SecretSource source) {
        return switch (source) {
            case ENVIRONMENT_VARIABLE -> "from the environment variable";
            case SYSTEM_PROPERTY -> "from the JVM system property";
            case SECURED_PROPERTY -> "from Lanyard's encrypted store, secured property";
            case CONFIGURATION_FILE -> "from " + slot.element() + " in " + owner.kind().fileName();
            case NOT_SET -> "not set";
        };
    }

    @Override
    public String toString() {
        return "ClientSecretResolver[" + environment.size() + " environment variable(s), "
                + systemProperties.size() + " system propert(ies) of ours]";
    }
}
