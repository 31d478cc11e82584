package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.Integration;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretProblem;
import io.lanyard.core.secret.SecretStatus;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The "Client secret" section of an integration that owns one (identity providers, Entra ID connectors), as the
 * pages and the JSON API show it: where the secret in use comes from ({@link SecretStatus}, the same resolution a
 * login uses), the name to give it from outside for exactly this id, and what the configuration file holds. It never
 * holds a value, so nothing built from it can leak one.
 *
 * @param status the source, the name it came from, the names for this id, and any problem
 * @param stored   what the XML holds: {@code NONE}, {@code PLAINTEXT} or {@code EXTERNAL}
 *                 ({@value StoredSecret#EXTERNAL_PLACEHOLDER})
 * @param rotation the next secret, what each node uses, and when the secret ends
 */
public record SecretSection(SecretStatus status, StoredSecret.Kind stored, SecretRotationView rotation) {

    public SecretSection {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(rotation, "rotation");
    }

    /** The section of a saved integration, whose kind owns a secret, without the other nodes. */
    public static SecretSection of(Integration integration, ClientSecretResolver secrets) {
        return SecretSections.of(secrets).of(integration);
    }

    /**
     * Whether the secret in use is the one set under the name that serves every provider (or connector): then this
     * one, new or imported ones included, sends that secret to whatever token endpoint it names, which the
     * administrator must know before saving a new address.
     */
    boolean staticNameApplies() {
        return status.comesFromOutside() && status.propertyName().equals(Optional.of(status.staticPropertyName()));
    }

    /** {@code idp} or {@code connector}: which variant of the section's texts applies. */
    String kind() {
        return switch (status.owner().kind()) {
            case IDENTITY_PROVIDER -> "idp";
            case CONNECTOR -> "connector";
            case TOKEN_ISSUER -> "issuer";
        };
    }

    /** The template's values; the texts come from the i18n file by these keys. */
    public Map<String, Object> toSoy() {
        String source = status.source().name().toLowerCase(Locale.ROOT);
        Map<String, Object> soy = new HashMap<>();
        soy.put("kind", kind());
        soy.put("source", status.source().name());
        soy.put("labelKey", "lanyard.admin.secret.source." + source);
        soy.put("originKey", status.origin().isPresent() ? "lanyard.admin.secret.origin." + source : "");
        soy.put("propertyName", status.propertyName().orElse(""));
        soy.put("propertyNameForThisId", status.propertyNameForThisId());
        soy.put("staticPropertyName", status.staticPropertyName());
        soy.put("namesLookedFor", status.namesLookedFor());
        soy.put("file", status.owner().kind().fileName());
        soy.put("stored", stored.name());
        soy.put("fromOutside", status.comesFromOutside());
        soy.put("staticNameApplies", staticNameApplies());
        soy.put("problemCode", status.problem().map(p -> p.errorCode().code()).orElse(""));
        soy.put("problemMessage", status.problem().map(SecretProblem::message).orElse(""));
        soy.put("rotation", rotation.toSoy());
        soy.put("expiryCode", rotation.level().flatMap(level -> level.errorCode()).map(code -> code.code()).orElse(""));
        return soy;
    }

    /** For the JSON API: the kind of source and the names, never the value. */
    public Json toJson() {
        return new Json(status.source().name(), status.label(), status.origin().orElse(null),
                status.propertyName().orElse(null), status.propertyNameForThisId(), status.staticPropertyName(),
                staticNameApplies(), stored.name(),
                status.problem().map(p -> new Json.Problem(p.errorCode().code(), p.message())).orElse(null),
                rotation.current().orElse(null), rotation.toJson());
    }

    /**
     * Where a secret comes from, in the JSON API.
     *
     * @param source                {@code ENVIRONMENT_VARIABLE}, {@code SYSTEM_PROPERTY}, {@code CONFIGURATION_FILE},
     *                              {@code SECURED_PROPERTY} or {@code NOT_SET}
     * @param label                 what the admin page shows, e.g. "Static Environment Property"
     * @param origin                "environment variable" or "JVM system property" for a static environment property
     * @param propertyName          the name the secret in use came from
     * @param propertyNameForThisId the name to use for exactly this id
     * @param staticPropertyName    the name shared by every provider (or connector)
     * @param staticNameApplies     whether the secret in use is the one under that shared name
     * @param stored                what the XML holds: {@code NONE}, {@code PLAINTEXT} or {@code EXTERNAL}
     * @param problem               why there is no usable secret, if there is none
     * @param fingerprint           the current secret's fingerprint, never the value
     * @param rotation              the next secret, what each node uses, and when the secret ends
     */
    public record Json(String source, String label, String origin, String propertyName, String propertyNameForThisId,
            String staticPropertyName, boolean staticNameApplies, String stored, Problem problem, String fingerprint,
            SecretRotationView.Json rotation) {

        public record Problem(String code, String message) {
        }
    }
}
