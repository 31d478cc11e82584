package io.lanyard.core.config.change;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.ConfigurationFiles;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Changes the configuration the way the admin UI and the JSON API need it, for every kind of integration alike:
 * every change is validated as a whole (the builders and {@link LanyardConfiguration} refuse it with every reason),
 * written atomically to the files of the kinds it changes ({@link ConfigurationFiles}, which puts back what it wrote
 * when a later file fails), and only then swapped into the {@link ConfigurationHolder} as one value, so that the
 * next login uses it without a restart and a failed write leaves the files and the running configuration as they
 * were.
 *
 * <p>Saving an integration that owns a client secret follows the specification's save rule
 * ({@link ClientSecretAdministration#forStorage}): while its secret comes from outside, the file gets
 * {@code USING_ENVIRONMENT_PROPERTY} instead of any plaintext.
 *
 * <p>Changes are serialized: two administrators saving at once cannot lose each other's change, because each
 * change is applied to the configuration the previous one left. Thread-safe.
 */
public final class ConfigurationService {

    private final ConfigurationHolder holder;
    private final ConfigurationFiles files;
    private final ClientSecretResolver secrets;
    private final ReentrantLock changeLock = new ReentrantLock();

    /**
     * @param secrets the resolver made at start, which says whether a secret comes from outside the files
     */
    public ConfigurationService(ConfigurationHolder holder, ConfigurationFiles files, ClientSecretResolver secrets) {
        this.holder = Objects.requireNonNull(holder, "holder");
        this.files = Objects.requireNonNull(files, "files");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    public LanyardConfiguration current() {
        return holder.current();
    }

    /**
     * Adds the integration, or replaces the one of its kind with its id in place (the order is kept).
     *
     * @return the integration as stored (with the placeholder when its secret comes from outside)
     * @throws ConfigurationException if the whole configuration would be invalid
     * @throws LanyardException       {@code CONFIG_WRITE_FAILED}; nothing changed
     */
    public <C extends Integration> C save(C edited) {
        C stored = forStorage(Objects.requireNonNull(edited, "edited"));
        IntegrationKind<C> kind = IntegrationKind.of(stored);
        change(current -> current.with(kind, replaced(current.all(kind), stored)));
        return stored;
    }

    /**
     * @throws LanyardException {@code ADMIN_NOT_FOUND} if there is no such integration; {@code CONFIG_WRITE_FAILED}
     */
    public <C extends Integration> LanyardConfiguration delete(IntegrationKind<C> kind, String id) {
        return change(current -> current.with(kind, removed(current.all(kind), id)));
    }

    /**
     * Replaces everything (an import): validated and stored like any other change, each integration under the save
     * rule.
     */
    public LanyardConfiguration replace(LanyardConfiguration next) {
        Objects.requireNonNull(next, "next");
        LanyardConfiguration stored = LanyardConfiguration.empty();
        for (IntegrationKind<?> kind : IntegrationKind.ALL) {
            stored = withStored(stored, kind, next);
        }
        LanyardConfiguration result = stored;
        return change(current -> result);
    }

    private <C extends Integration> LanyardConfiguration withStored(LanyardConfiguration into, IntegrationKind<C> kind,
            LanyardConfiguration next) {
        return into.with(kind, next.all(kind).stream().map(this::forStorage).toList());
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
            files.save(current, next);
            holder.replace(next);
            return next;
        } finally {
            changeLock.unlock();
        }
    }

    private <C extends Integration> C forStorage(C edited) {
        if (!IntegrationKind.of(edited).ownsSecret()) {
            return edited;
        }
        return ClientSecretAdministration.forStorage(edited, secrets);
    }

    public static LanyardException notFound(String id) {
        return new LanyardException(ErrorCode.ADMIN_NOT_FOUND, "no identity provider or connector with id \""
                + (id != null && id.matches("[A-Za-z0-9]{1,64}") ? id : "(malformed)") + "\"");
    }

    private static <C extends Integration> List<C> replaced(List<C> items, C replacement) {
        List<C> result = new ArrayList<>(items);
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i).id().equals(replacement.id())) {
                result.set(i, replacement);
                return result;
            }
        }
        result.add(replacement);
        return result;
    }

    private static <C extends Integration> List<C> removed(List<C> items, String removedId) {
        List<C> result = new ArrayList<>(items);
        if (!result.removeIf(item -> item.id().equals(removedId))) {
            throw notFound(removedId);
        }
        return result;
    }
}
