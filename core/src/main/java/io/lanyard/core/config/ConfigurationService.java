package io.lanyard.core.config;

import io.lanyard.core.config.xml.ConnectorXmlStore;
import io.lanyard.core.config.xml.ProviderXmlStore;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the configuration the way the admin UI and the JSON API need it: every change is validated as a whole
 * (the builders and {@link LanyardConfiguration} refuse it with every reason), written atomically to
 * {@code provider.xml} and {@code connector.xml}, and only then swapped into the {@link ConfigurationHolder} as one
 * value, so that the next login uses it without a restart and a failed write leaves the files and the running
 * configuration as they were.
 *
 * <p>Only a file whose part of the configuration changed is written. When a change spans both files (an import)
 * and {@code connector.xml} cannot be written after {@code provider.xml} was, {@code provider.xml} is put back as it
 * was, so the files never disagree with the running configuration.
 *
 * <p>Saving an identity provider or connector follows the specification's save rule
 * ({@link ClientSecretAdministration#forStorage}): while its secret comes from outside, the file gets
 * {@code USING_ENVIRONMENT_PROPERTY} instead of any plaintext.
 *
 * <p>Changes are serialized: two administrators saving at once cannot lose each other's change, because each
 * change is applied to the configuration the previous one left. Thread-safe.
 */
public final class ConfigurationService {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationService.class);

    private final ConfigurationHolder holder;
    private final ProviderXmlStore providerStore;
    private final ConnectorXmlStore connectorStore;
    private final ClientSecretResolver secrets;
    private final ReentrantLock changeLock = new ReentrantLock();

    /**
     * @param secrets the resolver made at start, which says whether a secret comes from outside the files
     */
    public ConfigurationService(ConfigurationHolder holder, ProviderXmlStore providerStore,
            ConnectorXmlStore connectorStore, ClientSecretResolver secrets) {
        this.holder = Objects.requireNonNull(holder, "holder");
        this.providerStore = Objects.requireNonNull(providerStore, "providerStore");
        this.connectorStore = Objects.requireNonNull(connectorStore, "connectorStore");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    public LanyardConfiguration current() {
        return holder.current();
    }

    /**
     * Adds the provider, or replaces the one with its id in place (the order of providers is kept).
     *
     * @return the provider as stored (with the placeholder when its secret comes from outside)
     * @throws ConfigurationException if the whole configuration would be invalid
     * @throws LanyardException       {@code CONFIG_WRITE_FAILED}; nothing changed
     */
    public IdentityProviderConfig saveIdentityProvider(IdentityProviderConfig edited) {
        IdentityProviderConfig stored = forStorage(Objects.requireNonNull(edited, "edited"));
        change(current -> current.withIdentityProviders(
                replaced(current.identityProviders(), stored, IdentityProviderConfig::id)));
        return stored;
    }

    /**
     * @throws LanyardException {@code ADMIN_NOT_FOUND} if there is no such provider; {@code CONFIG_WRITE_FAILED}
     */
    public LanyardConfiguration deleteIdentityProvider(String id) {
        return change(current -> current.withIdentityProviders(
                removed(current.identityProviders(), id, IdentityProviderConfig::id)));
    }

    /**
     * Adds the connector, or replaces the one with its id in place (the order of connectors is kept).
     *
     * @return the connector as stored (with the placeholder when its secret comes from outside)
     * @throws ConfigurationException if the whole configuration would be invalid
     * @throws LanyardException       {@code CONFIG_WRITE_FAILED}; nothing changed
     */
    public EntraConnectorConfig saveEntraConnector(EntraConnectorConfig edited) {
        EntraConnectorConfig stored = forStorage(Objects.requireNonNull(edited, "edited"));
        change(current -> current.withEntraConnectors(
                replaced(current.entraConnectors(), stored, EntraConnectorConfig::id)));
        return stored;
    }

    /**
     * @throws LanyardException {@code ADMIN_NOT_FOUND} if there is no such connector; {@code CONFIG_WRITE_FAILED}
     */
    public LanyardConfiguration deleteEntraConnector(String id) {
        return change(current -> current.withEntraConnectors(
                removed(current.entraConnectors(), id, EntraConnectorConfig::id)));
    }

    /**
     * Replaces everything (an import), identity providers and connectors: validated and stored like any other
     * change, each provider and connector under the save rule.
     */
    public LanyardConfiguration replace(LanyardConfiguration next) {
        Objects.requireNonNull(next, "next");
        LanyardConfiguration stored = new LanyardConfiguration(
                next.identityProviders().stream().map(this::forStorage).toList(),
                next.entraConnectors().stream().map(this::forStorage).toList());
        return change(current -> stored);
    }

    /**
     * Applies {@code change} to the current configuration, stores the result and makes it current. The function
     * may throw to refuse the change; then nothing is written. Secrets are stored exactly as {@code change} gives
     * them.
     */
    public LanyardConfiguration change(UnaryOperator<LanyardConfiguration> change) {
        changeLock.lock();
        try {
            LanyardConfiguration current = holder.current();
            LanyardConfiguration next = Objects.requireNonNull(change.apply(current), "next configuration");
            store(current, next);
            holder.replace(next);
            return next;
        } finally {
            changeLock.unlock();
        }
    }

    /** Writes the files whose part changed; puts provider.xml back if connector.xml then fails. */
    private void store(LanyardConfiguration current, LanyardConfiguration next) {
        boolean providersChanged = !next.identityProviders().equals(current.identityProviders());
        boolean connectorsChanged = !next.entraConnectors().equals(current.entraConnectors());
        if (!connectorsChanged) {
            if (providersChanged) {
                providerStore.save(next);
            }
            return;
        }
        if (!providersChanged) {
            connectorStore.save(next.entraConnectors());
            return;
        }
        Optional<byte[]> providerXmlBefore = providerStore.currentContent();
        providerStore.save(next);
        try {
            connectorStore.save(next.entraConnectors());
        } catch (RuntimeException e) {
            restoreProviderXml(providerXmlBefore, e);
            throw e;
        }
    }

    private void restoreProviderXml(Optional<byte[]> before, RuntimeException cause) {
        try {
            providerStore.restore(before);
        } catch (LanyardException restoreFailure) {
            cause.addSuppressed(restoreFailure);
            // Cannot be made right from here: say exactly what is where, for the administrator.
            LOG.error("{} holds the new identity providers but {} could not be written, and {} could not be put back"
                    + " ({}); the running configuration is unchanged. Restore {} from {} before the next restart.",
                    providerStore.file(), connectorStore.file(), providerStore.file(), restoreFailure.getMessage(),
                    providerStore.file(), ProviderXmlStore.BACKUP_FILE_NAME);
        }
    }

    private IdentityProviderConfig forStorage(IdentityProviderConfig edited) {
        return ClientSecretAdministration.forStorage(edited, ClientSecretAdministration.status(edited, secrets));
    }

    private EntraConnectorConfig forStorage(EntraConnectorConfig edited) {
        return ClientSecretAdministration.forStorage(edited, ClientSecretAdministration.status(edited, secrets));
    }

    public static LanyardException notFound(String id) {
        return new LanyardException(ErrorCode.ADMIN_NOT_FOUND, "no identity provider or connector with id \""
                + (id != null && id.matches("[A-Za-z0-9]{1,64}") ? id : "(malformed)") + "\"");
    }

    private static <T> List<T> replaced(List<T> items, T item, Function<T, String> id) {
        List<T> result = new ArrayList<>(items);
        for (int i = 0; i < result.size(); i++) {
            if (id.apply(result.get(i)).equals(id.apply(item))) {
                result.set(i, item);
                return result;
            }
        }
        result.add(item);
        return result;
    }

    private static <T> List<T> removed(List<T> items, String removedId, Function<T, String> id) {
        List<T> result = new ArrayList<>(items);
        if (!result.removeIf(item -> id.apply(item).equals(removedId))) {
            throw notFound(removedId);
        }
        return result;
    }
}
