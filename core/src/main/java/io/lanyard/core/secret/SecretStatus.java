package io.lanyard.core.secret;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the admin UI shows in the "Client secret" section of one identity provider or connector: where the secret
 * in use comes from, the name it came from, the name to use for exactly this id (ready to copy), and any problem.
 * Never the value.
 *
 * <p>"When the client secret is used from other sources than KSSO configuration files the Client secret section in
 * the admin UI (Cloud integration/Idp integration) will display typically "Static Environment Property"."
 *
 * @param owner        whose secret
 * @param source       where the secret in use came from; {@link SecretSource#NOT_SET} when there is none
 * @param propertyName the environment variable or system property (or secured property) it came from
 * @param problem      why there is no usable secret, if there is none
 * @param namesLookedFor the names looked up for this owner, in the resolver's order
 */
public record SecretStatus(SecretOwner owner, SecretSource source, Optional<String> propertyName,
        Optional<SecretProblem> problem, List<String> namesLookedFor) {

    public static final String STATIC_ENVIRONMENT_PROPERTY = "Static Environment Property";
    public static final String CONFIGURATION_FILE = "Configuration file";
    public static final String SECURED_PROPERTY = "Encrypted (secured property)";
    public static final String NOT_SET = "Not set";

    public SecretStatus {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(propertyName, "propertyName");
        Objects.requireNonNull(problem, "problem");
        namesLookedFor = List.copyOf(namesLookedFor);
    }

    public static SecretStatus of(SecretOwner owner, ResolvedSecret resolved, List<String> namesLookedFor) {
        return new SecretStatus(owner, resolved.source(), resolved.propertyName(), resolved.problem(), namesLookedFor);
    }

    /** The label of the source: "Static Environment Property", "Configuration file", "Encrypted (secured property)" or "Not set". */
    public String label() {
        return switch (source) {
            case ENVIRONMENT_VARIABLE, SYSTEM_PROPERTY -> STATIC_ENVIRONMENT_PROPERTY;
            case CONFIGURATION_FILE -> CONFIGURATION_FILE;
            case SECURED_PROPERTY -> SECURED_PROPERTY;
            case NOT_SET -> NOT_SET;
        };
    }

    /** For "Static Environment Property": whether it was an environment variable or a JVM system property. */
    public Optional<String> origin() {
        return switch (source) {
            case ENVIRONMENT_VARIABLE -> Optional.of("environment variable");
            case SYSTEM_PROPERTY -> Optional.of("JVM system property");
            default -> Optional.empty();
        };
    }

    /** "The property name with correct id to be used is in the Client secret section": this owner's own name. */
    public String propertyNameForThisId() {
        return owner.propertyName();
    }

    /** The name shared by all identity providers (or all connectors). */
    public String staticPropertyName() {
        return owner.staticPropertyName();
    }

    /**
     * Whether the secret is meant to come from outside the configuration file (an environment variable, a JVM
     * property or the encrypted store): then saving writes {@value StoredSecret#EXTERNAL_PLACEHOLDER} into the file.
     */
    public boolean comesFromOutside() {
        return source == SecretSource.ENVIRONMENT_VARIABLE || source == SecretSource.SYSTEM_PROPERTY
                || source == SecretSource.SECURED_PROPERTY;
    }
}
