package io.lanyard.core.config.change;

import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.util.Objects;

/**
 * What an administrator asked to happen to a stored client secret when saving a provider: the admin UI never
 * shows the stored value, so an empty secret field means "keep what is stored", not "remove it".
 */
public sealed interface SecretUpdate {

    /** What the configuration file holds after the update. */
    StoredSecret applyTo(StoredSecret stored);

    static SecretUpdate keep() {
        return Keep.INSTANCE;
    }

    static SecretUpdate clear() {
        return Clear.INSTANCE;
    }

    static SecretUpdate replaceWith(Secret secret) {
        return new Replace(secret);
    }

    /**
     * The form's reading: a non-empty typed value replaces, the "remove" box clears, otherwise keep. A typed value
     * wins over the box, so that a secret typed by mistake together with "remove" is not silently dropped.
     */
    static SecretUpdate fromForm(String typed, boolean remove) {
        if (typed != null && !typed.isEmpty()) {
            return replaceWith(Secret.of(typed));
        }
        return remove ? clear() : keep();
    }

    enum Keep implements SecretUpdate {
        INSTANCE;

        @Override
        public StoredSecret applyTo(StoredSecret stored) {
            return stored == null ? StoredSecret.none() : stored;
        }
    }

    enum Clear implements SecretUpdate {
        INSTANCE;

        @Override
        public StoredSecret applyTo(StoredSecret stored) {
            return StoredSecret.none();
        }
    }

    /** Holds the new secret in its own type, so it prints redacted. */
    record Replace(Secret secret) implements SecretUpdate {

        public Replace {
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public StoredSecret applyTo(StoredSecret stored) {
            return StoredSecret.plaintext(secret);
        }
    }
}
