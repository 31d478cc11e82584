package io.lanyard.core.config;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The configuration in force. Readers take one snapshot per login step; writers replace the whole value
 * after it was validated and stored, so that no login ever sees half a change.
 *
 * <p>Where the configuration is stored in files other processes change too (the cluster's nodes share the home), the
 * store registers itself as the holder's {@link Refresher}: {@link #refreshed()} then picks up another node's change
 * before a login starts, at the cost of a look at the files' metadata. {@link #current()} never looks: it is what
 * every other read takes, and the login filter's pass-through takes nothing at all.
 */
public final class ConfigurationHolder {

    /** Brings a holder up to date with where the configuration is stored, when that changed since. */
    @FunctionalInterface
    public interface Refresher {
        void refresh(ConfigurationHolder holder);
    }

    private static final Refresher NOTHING_ELSE_CHANGES_IT = holder -> { };

    private final AtomicReference<LanyardConfiguration> current;
    private final AtomicReference<Refresher> refresher = new AtomicReference<>(NOTHING_ELSE_CHANGES_IT);

    public ConfigurationHolder(LanyardConfiguration initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public LanyardConfiguration current() {
        return current.get();
    }

    /** The configuration in force after picking up a change stored elsewhere since it was last read: for a login start. */
    public LanyardConfiguration refreshed() {
        refresher.get().refresh(this);
        return current.get();
    }

    public void replace(LanyardConfiguration next) {
        current.set(Objects.requireNonNull(next, "next"));
    }

    /**
     * Makes {@code store} the one that brings this holder up to date.
     *
     * @throws IllegalStateException if another store did already: one holder, one place it is stored
     */
    public void refreshFrom(Refresher store) {
        Objects.requireNonNull(store, "store");
        if (!refresher.compareAndSet(NOTHING_ELSE_CHANGES_IT, store) && refresher.get() != store) {
            throw new IllegalStateException("this configuration is refreshed from another store already");
        }
    }
}
