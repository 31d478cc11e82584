package io.lanyard.core.config;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The configuration in force. Readers take one snapshot per login step; writers replace the whole value
 * after it was validated and stored, so that no login ever sees half a change.
 */
public final class ConfigurationHolder {

    private final AtomicReference<LanyardConfiguration> current;

    public ConfigurationHolder(LanyardConfiguration initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public LanyardConfiguration current() {
        return current.get();
    }

    public void replace(LanyardConfiguration next) {
        current.set(Objects.requireNonNull(next, "next"));
    }
}
