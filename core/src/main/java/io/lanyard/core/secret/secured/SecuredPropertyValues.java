package io.lanyard.core.secret.secured;

import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.SecuredValues;
import java.util.Map;
import java.util.Optional;

/** The secured properties as decrypted at start: a secret, or why it cannot be used, per listed name. */
final class SecuredPropertyValues implements SecuredValues {

    private final Map<String, ResolvedSecret> byName;

    SecuredPropertyValues(Map<String, ResolvedSecret> byName) {
        this.byName = Map.copyOf(byName);
    }

    @Override
    public Optional<ResolvedSecret> lookup(String propertyName) {
        return Optional.ofNullable(byName.get(propertyName));
    }

    /** Names and sources only. */
    @Override
    public String toString() {
        return "SecuredPropertyValues" + byName.values();
    }
}
