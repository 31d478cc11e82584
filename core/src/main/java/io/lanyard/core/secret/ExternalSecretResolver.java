package io.lanyard.core.secret;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves client secrets as the specification says: from outside the configuration files when given there,
 * otherwise from {@code CLIENT_SECRET} in {@code provider.xml} or {@code connector.xml}.
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
 * <p>The environment and the system properties are a snapshot taken when Lanyard starts ("Any changes to
 * environment variables (adding, modifying or removing) require a restart of the Atlassian host for changes to
 * take effect."), limited to the names above, so that nothing else of the environment is kept.
 *
 * <p>Thread-safe and immutable.
 */
public final class ExternalSecretResolver implements ClientSecretResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalSecretResolver.class);

    private final Map<String, Secret> environment;
    private final Map<String, Secret> systemProperties;
    private final SecuredValues secured;
    /** The outcome last logged per owner: the admin pages resolve on every view, the log says each outcome once. */
    private final ConcurrentMap<SecretOwner, String> lastLogged = new ConcurrentHashMap<>();

    /**
     * @param environment      the process environment (only names of ours are kept)
     * @param systemProperties the JVM system properties (only names of ours are kept)
     * @param secured          the values of the encrypted store; {@link SecuredValues#none()} on most hosts
     */
    public ExternalSecretResolver(Map<String, String> environment, Map<String, String> systemProperties,
            SecuredValues secured) {
        this.environment = oursOnly(environment);
        this.systemProperties = oursOnly(systemProperties);
        this.secured = Objects.requireNonNull(secured, "secured");
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

    @Override
    public ResolvedSecret resolveIdentityProviderSecret(String identityProviderId, StoredSecret stored) {
        return resolve(SecretOwner.identityProvider(identityProviderId), stored);
    }

    @Override
    public ResolvedSecret resolveConnectorSecret(String connectorId, StoredSecret stored) {
        return resolve(SecretOwner.connector(connectorId), stored);
    }

    /** Shown, not used: the same answer, not logged. */
    @Override
    public ResolvedSecret describeIdentityProviderSecret(String identityProviderId, StoredSecret stored) {
        return resolveQuietly(SecretOwner.identityProvider(identityProviderId), stored);
    }

    @Override
    public ResolvedSecret describeConnectorSecret(String connectorId, StoredSecret stored) {
        return resolveQuietly(SecretOwner.connector(connectorId), stored);
    }

    /** The resolution for any owner; what the two interface methods do. */
    public ResolvedSecret resolve(SecretOwner owner, StoredSecret stored) {
        return logged(owner, resolveQuietly(owner, stored));
    }

    private ResolvedSecret resolveQuietly(SecretOwner owner, StoredSecret stored) {
        Objects.requireNonNull(stored, "stored");
        // "the property can be used with the KSSO id for the provider or connector": the per-id name comes first.
        for (String name : owner.propertyNamesInOrder()) {
            Optional<ResolvedSecret> outside = fromOutside(name);
            if (outside.isPresent()) {
                return outside.get();
            }
        }
        return fromFile(owner, stored);
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

    private static ResolvedSecret fromFile(SecretOwner owner, StoredSecret stored) {
        return switch (stored.kind()) {
            case PLAINTEXT -> ResolvedSecret.found(stored.plaintext().orElseThrow(), SecretSource.CONFIGURATION_FILE, null);
            // "USING_ENVIRONMENT_PROPERTY" promises a secret from outside; none came: say which names were tried.
            case EXTERNAL -> ResolvedSecret.missingOutside(owner);
            case NONE -> ResolvedSecret.notSet(owner);
        };
    }

    /**
     * Names and sources only; {@link ResolvedSecret#toString()} never contains the value. Logged when an owner is
     * first resolved and whenever its outcome changes (e.g. after a save), not on every look.
     */
    private ResolvedSecret logged(SecretOwner owner, ResolvedSecret resolved) {
        String outcome = resolved.toString();
        if (outcome.equals(lastLogged.put(owner, outcome))) {
            return resolved;
        }
        resolved.problem().ifPresentOrElse(
                problem -> LOG.warn("Client secret of {}: {}", owner, problem),
                () -> LOG.info("Client secret of {}: {}{}", owner, describe(owner, resolved.source()),
                        resolved.propertyName().map(name -> " " + name).orElse("")));
        return resolved;
    }

    private static String describe(SecretOwner owner, SecretSource source) {
        return switch (source) {
            case ENVIRONMENT_VARIABLE -> "from the environment variable";
            case SYSTEM_PROPERTY -> "from the JVM system property";
            case SECURED_PROPERTY -> "from Lanyard's encrypted store, secured property";
            case CONFIGURATION_FILE -> "from CLIENT_SECRET in " + owner.kind().fileName();
            case NOT_SET -> "not set";
        };
    }

    @Override
    public String toString() {
        return "ExternalSecretResolver[" + environment.size() + " environment variable(s), "
                + systemProperties.size() + " system propert(ies) of ours]";
    }
}
