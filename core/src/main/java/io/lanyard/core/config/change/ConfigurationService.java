package io.lanyard.core.config.change;

import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.cluster.LocalClusterState;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.ConfigurationFiles;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.DirectoryLock;
import io.lanyard.core.host.ClusterState;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Changes are serialized, on this node and across the cluster's nodes that share the home: each change takes the
 * files' lock ({@link ConfigurationFiles#lock()}), reads again every file another node changed since this node last
 * read or wrote it, applies the change to that, and writes. So two administrators saving at once, here or on two
 * nodes, cannot lose each other's change, and no node writes back a copy older than the files (which had re-enabled
 * a provider another node's administrator disabled). A change of one integration is merged into what the files hold:
 * the others stay as another node left them.
 *
 * <p>On a cluster the nodes' own lock and messages come first ({@link ClusterState}): a change takes the cluster's lock
 * of the configuration before the files' lock, and once written tells the other nodes, which read the changed files
 * at once instead of at their next login start.
 *
 * <p>Every node also picks up another node's change before its next login start ({@link ConfigurationHolder#refreshed()},
 * which this service answers with a look at the files' metadata and a read of a changed file only) and before every
 * admin request ({@link #current()}). Thread-safe.
 */
public final class ConfigurationService implements ConfigurationHolder.Refresher {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationService.class);
    /** As long as the files' lock waits ({@code DirectoryLock}): an administrator's save is answered within it. */
    static final Duration CLUSTER_LOCK_WAIT = Duration.ofSeconds(10);

    private final ConfigurationHolder holder;
    private final ConfigurationFiles files;
    private final ClientSecretResolver secrets;
    private final ClusterState cluster;
    private final ConfigurationAudit audit;
    /** Guards the holder's value together with {@link #known}; taken after the files' lock, never before it. */
    private final ReentrantLock stateLock = new ReentrantLock();
    /** The files as this node last read or wrote them. */
    private volatile ConfigurationFiles.Fingerprint known;

    /**
     * @param holder  the configuration in force, as read from {@code files} (at start); this service keeps it in step
     *                with them from now on
     * @param secrets the resolver made at start, which says whether a secret comes from outside the files
     */
    public ConfigurationService(ConfigurationHolder holder, ConfigurationFiles files, ClientSecretResolver secrets) {
        this(holder, files, secrets, new LocalClusterState(Clock.systemUTC()));
    }

    /**
     * @param cluster the cluster's lock of the configuration, and its messages: this node tells the others of each
     *                change, and reads the files again when another node tells it of one
     */
    public ConfigurationService(ConfigurationHolder holder, ConfigurationFiles files, ClientSecretResolver secrets,
            ClusterState cluster) {
        this(holder, files, secrets, cluster, AuditSink.none());
    }

    /**
     * @param audit where each stored change goes, one {@code CONFIGURATION_CHANGED} event per integration it changed
     *              (fields with old and new values, secrets only "changed"), with the administrator the change names
     */
    public ConfigurationService(ConfigurationHolder holder, ConfigurationFiles files, ClientSecretResolver secrets,
            ClusterState cluster, AuditSink audit) {
        this.audit = new ConfigurationAudit(audit, Clock.systemUTC());
        this.holder = Objects.requireNonNull(holder, "holder");
        this.files = Objects.requireNonNull(files, "files");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.known = files.fingerprint();
        holder.refreshFrom(this);
        cluster.onConfigurationChange(this::refreshAfterAnotherNodesChange);
    }

    private void refreshAfterAnotherNodesChange() {
        try {
            refresh(holder);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the configuration another node changed ({}); it is read again before the next "
                    + "login", e.toString());
        }
    }

    /** The configuration in force, with any change another node stored since picked up. */
    public LanyardConfiguration current() {
        return holder.refreshed();
    }

    /**
     * Reads again the files another node changed since this node last read or wrote them. Costs one look at each file's
     * metadata when nothing changed.
     */
    @Override
    public void refresh(ConfigurationHolder ignored) {
        ConfigurationFiles.Fingerprint now = files.fingerprint();
        if (now.equals(known)) {
            return;
        }
        stateLock.lock();
        try {
            catchUp(files.fingerprint());
        } finally {
            stateLock.unlock();
        }
    }

    // under stateLock
    private LanyardConfiguration catchUp(ConfigurationFiles.Fingerprint now) {
        LanyardConfiguration current = holder.current();
        if (now.equals(known)) {
            return current;
        }
        LanyardConfiguration read = files.withChangedFiles(current, known, now);
        if (!read.equals(current)) {
            LOG.info("Picked up the configuration another node (or an editor) stored in {}", files);
            holder.replace(read);
        }
        known = now;
        return read;
    }

    /**
     * Adds the integration, or replaces the one of its kind with its id in place (the order is kept).
     *
     * @return the integration as stored (with the placeholder when its secret comes from outside)
     * @throws ConfigurationException if the whole configuration would be invalid
     * @throws LanyardException       {@code CONFIG_WRITE_FAILED} or {@code CONFIG_LOCK_UNAVAILABLE}; nothing changed
     */
    public <C extends Integration> C save(C edited) {
        return save(edited, null);
    }

    /** {@link #save(Integration)} by this administrator (the audit trail's actor). */
    public <C extends Integration> C save(C edited, String actor) {
        C stored = forStorage(Objects.requireNonNull(edited, "edited"));
        IntegrationKind<C> kind = IntegrationKind.of(stored);
        change(actor, current -> current.with(kind, replaced(current.all(kind), stored)));
        return stored;
    }

    /**
     * Replaces an existing integration, which must still exist when the files are read under their lock: an edit of
     * one that another node (or administrator) deleted meanwhile does not bring it back.
     *
     * @throws LanyardException {@code ADMIN_NOT_FOUND} when it is gone; {@code CONFIG_WRITE_FAILED},
     *                          {@code CONFIG_LOCK_UNAVAILABLE}
     */
    public <C extends Integration> C update(C edited) {
        return update(edited, null);
    }

    /** {@link #update(Integration)} by this administrator (the audit trail's actor). */
    public <C extends Integration> C update(C edited, String actor) {
        C stored = forStorage(Objects.requireNonNull(edited, "edited"));
        IntegrationKind<C> kind = IntegrationKind.of(stored);
        change(actor, current -> {
            if (current.find(kind, stored.id()).isEmpty()) {
                throw notFound(stored.id());
            }
            return current.with(kind, replaced(current.all(kind), stored));
        });
        return stored;
    }

    /**
     * Enables or disables an integration as the files hold it now (not as a page showed it a moment ago: only
     * {@code enabled} changes, whatever another node changed in it meanwhile).
     *
     * @throws LanyardException {@code ADMIN_NOT_FOUND} when it is gone; {@code CONFIG_WRITE_FAILED},
     *                          {@code CONFIG_LOCK_UNAVAILABLE}
     */
    public <C extends Integration> C setEnabled(IntegrationKind<C> kind, String id, boolean enabled) {
        return setEnabled(kind, id, enabled, null);
    }

    /** {@link #setEnabled(IntegrationKind, String, boolean)} by this administrator (the audit trail's actor). */
    public <C extends Integration> C setEnabled(IntegrationKind<C> kind, String id, boolean enabled, String actor) {
        List<C> result = new ArrayList<>(1);
        change(actor, current -> {
            C stored = forStorage(kind.withEnabled(current.find(kind, id).orElseThrow(() -> notFound(id)), enabled));
            result.add(stored);
            return current.with(kind, replaced(current.all(kind), stored));
        });
        return result.get(0);
    }

    /**
     * @throws LanyardException {@code ADMIN_NOT_FOUND} if there is no such integration; {@code CONFIG_WRITE_FAILED}
     */
    public <C extends Integration> LanyardConfiguration delete(IntegrationKind<C> kind, String id) {
        return delete(kind, id, null);
    }

    /** {@link #delete(IntegrationKind, String)} by this administrator (the audit trail's actor). */
    public <C extends Integration> LanyardConfiguration delete(IntegrationKind<C> kind, String id, String actor) {
        return change(actor, current -> current.with(kind, removed(current.all(kind), id)));
    }

    /**
     * Replaces everything (an import): validated and stored like any other change, each integration under the save
     * rule.
     */
    public LanyardConfiguration replace(LanyardConfiguration next) {
        return replace(next, null);
    }

    /** {@link #replace(LanyardConfiguration)} by this administrator (the audit trail's actor). */
    public LanyardConfiguration replace(LanyardConfiguration next, String actor) {
        Objects.requireNonNull(next, "next");
        LanyardConfiguration stored = LanyardConfiguration.empty();
        for (IntegrationKind<?> kind : IntegrationKind.ALL) {
            stored = withStored(stored, kind, next);
        }
        LanyardConfiguration result = stored;
        return change(actor, current -> result);
    }

    private <C extends Integration> LanyardConfiguration withStored(LanyardConfiguration into, IntegrationKind<C> kind,
            LanyardConfiguration next) {
        return into.with(kind, next.all(kind).stream().map(this::forStorage).toList());
    }

    /**
     * Applies {@code change} to the configuration as the files hold it now (read again under their lock if another
     * node changed them), stores the result and makes it current. The function may throw to refuse the change; then
     * nothing is written. Secrets are stored exactly as {@code change} gives them.
     *
     * @throws LanyardException {@code CONFIG_WRITE_FAILED} or {@code CONFIG_LOCK_UNAVAILABLE}; nothing changed
     */
    public LanyardConfiguration change(UnaryOperator<LanyardConfiguration> change) {
        return change(null, change);
    }

    /** {@link #change(UnaryOperator)} by this administrator (the audit trail's actor; null when not known). */
    public LanyardConfiguration change(String actor, UnaryOperator<LanyardConfiguration> change) {
        try (ClusterState.Held clusterLock = cluster.lockConfiguration(CLUSTER_LOCK_WAIT)) {
            LanyardConfiguration next = changeUnderFileLock(Optional.ofNullable(actor), change);
            cluster.configurationChanged();
            return next;
        }
    }

    private LanyardConfiguration changeUnderFileLock(Optional<String> actor,
            UnaryOperator<LanyardConfiguration> change) {
        DirectoryLock.Held acrossNodes = files.lock();
        try {
            stateLock.lock();
            try {
                LanyardConfiguration current = catchUp(files.fingerprint());
                LanyardConfiguration next = Objects.requireNonNull(change.apply(current), "next configuration");
                files.save(current, next);
                holder.replace(next);
                known = files.fingerprint();
                auditStored(actor, current, next);
                return next;
            } finally {
                stateLock.unlock();
            }
        } finally {
            acrossNodes.close();
        }
    }

    /** After the files are written: the audit trail can no longer undo a stored change, nor fail it. */
    private void auditStored(Optional<String> actor, LanyardConfiguration before, LanyardConfiguration after) {
        try {
            audit.record(actor, before, after);
        } catch (RuntimeException e) {
            LOG.warn("The change is stored, but its audit event could not be made: {}", e.toString());
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
