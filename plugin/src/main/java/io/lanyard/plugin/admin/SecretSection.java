package io.lanyard.plugin.admin;

import io.lanyard.core.secret.ClientSecretResolver;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.StoredSecret;
import java.util.Locale;
import java.util.Map;

/**
 * Where a client secret comes from, as the admin UI and the JSON API show it: the source, the name of the variable
 * or property it came from, and what the configuration file holds. Made from the same resolution a login uses; it
 * never holds the value, so nothing built from it can leak one.
 *
 * @param source       {@code ENVIRONMENT_VARIABLE}, {@code SYSTEM_PROPERTY}, {@code CONFIGURATION_FILE},
 *                     {@code SECURED_PROPERTY} or {@code NOT_SET}
 * @param propertyName the variable or property the secret came from; empty otherwise
 * @param stored       what the XML holds: {@code NONE}, {@code PLAINTEXT} or {@code EXTERNAL}
 *                     ({@value StoredSecret#EXTERNAL_PLACEHOLDER})
 */
record SecretSection(String source, String propertyName, String stored) {

    static SecretSection ofIdentityProvider(String id, StoredSecret stored, ClientSecretResolver secrets) {
        ResolvedSecret resolved = secrets.resolveIdentityProviderSecret(id, stored);
        return new SecretSection(resolved.source().name(), resolved.propertyName().orElse(""), stored.kind().name());
    }

    /** Whether the secret comes from outside the XML ("Static Environment Property" in the specification). */
    boolean fromOutside() {
        return source.equals("ENVIRONMENT_VARIABLE") || source.equals("SYSTEM_PROPERTY");
    }

    Map<String, Object> toSoy() {
        return Map.of(
                "sourceKey", "lanyard.admin.secret.source." + source.toLowerCase(Locale.ROOT),
                "source", source,
                "propertyName", propertyName,
                "stored", stored,
                "fromOutside", fromOutside());
    }
}
