package io.lanyard.core.config;

import io.lanyard.core.config.xml.ProviderXmlStore;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Changes the configuration the way the admin UI and the JSON API need it: every change is validated as a whole
 * (the builders and {@link LanyardConfiguration} refuse it with every reason), written atomically to
 * {@code provider.xml}, and only then swapped into the {@link ConfigurationHolder}, so that the next login uses it
 * without a restart and a failed write leaves both the file and the running configuration as they were.
 *
 * <p>Changes are serialized: two administrators saving at once cannot lose each other's change, because each
 * change is applied to the configuration the previous one left. Thread-safe.
 */
public final class ConfigurationService {

    private final ConfigurationHolder holder;
    private final ProviderXmlStore providerStore;
    private final ReentrantLock changeLock = new ReentrantLock();

    public ConfigurationService(ConfigurationHolder holder, ProviderXmlStore providerStore) {
        this.holder = Objects.requireNonNull(holder, "holder");
        this.providerStore = Objects.requireNonNull(providerStore, "providerStore");
    }

    public LanyardConfiguration current() {
        return holder.current();
    }

    /**
     * Adds the provider, or replaces the one with its id in place (the order of providers is kept).
     *
     * @throws ConfigurationException if the whole configuration would be invalid
     * @throws LanyardException       {@code CONFIG_WRITE_FAILED}; nothing changed
     */
    public LanyardConfiguration saveIdentityProvider(IdentityProviderConfig provider) {
        Objects.requireNonNull(provider, "provider");
        return change(current -> {
            List<IdentityProviderConfig> providers = new ArrayList<>(current.identityProviders());
            int index = indexOf(providers, provider.id());
            if (index < 0) {
                providers.add(provider);
            } else {
                providers.set(index, provider);
            }
            return withIdentityProviders(current, providers);
        });
    }

    /**
     * @throws LanyardException {@code ADMIN_NOT_FOUND} if there is no such provider; {@code CONFIG_WRITE_FAILED}
     */
    public LanyardConfiguration deleteIdentityProvider(String id) {
        return change(current -> {
            List<IdentityProviderConfig> providers = new ArrayList<>(current.identityProviders());
            if (!providers.removeIf(p -> p.id().equals(id))) {
                throw notFound(id);
            }
            return withIdentityProviders(current, providers);
        });
    }

    /**
     * Applies {@code change} to the current configuration, stores the result and makes it current. The function
     * may throw to refuse the change; then nothing is written.
     */
    public LanyardConfiguration change(UnaryOperator<LanyardConfiguration> change) {
        changeLock.lock();
        try {
            LanyardConfiguration next = Objects.requireNonNull(change.apply(holder.current()), "next configuration");
            providerStore.save(next);
            holder.replace(next);
            return next;
        } finally {
            changeLock.unlock();
        }
    }

    /** Replaces everything (an import): validated and stored like any other change. */
    public LanyardConfiguration replace(LanyardConfiguration next) {
        Objects.requireNonNull(next, "next");
        return change(current -> next);
    }

    public static LanyardException notFound(String id) {
        return new LanyardException(ErrorCode.ADMIN_NOT_FOUND, "no identity provider or connector with id \""
                + (id != null && id.matches("[A-Za-z0-9]{1,64}") ? id : "(malformed)") + "\"");
    }

    private static int indexOf(List<IdentityProviderConfig> providers, String id) {
        for (int i = 0; i < providers.size(); i++) {
            if (providers.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Keeps whatever else the configuration holds (Entra ID connectors, once they exist). */
    private static LanyardConfiguration withIdentityProviders(LanyardConfiguration current,
            List<IdentityProviderConfig> providers) {
        return new LanyardConfiguration(providers);
    }
}
