package io.lanyard.core.secret;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of resolving one client secret: the secret (if any), where it came from, the name of the
 * variable or property it came from (for administrators; empty for the configuration file), and, when there is
 * no secret, the {@link SecretProblem} that says why. Never holds or prints a value other than inside {@link Secret}.
 */
public final class ResolvedSecret {

    private final Secret secret;
    private final SecretSource source;
    private final String propertyName;
    private final SecretProblem problem;

    private ResolvedSecret(Secret secret, SecretSource source, String propertyName, SecretProblem problem) {
        this.secret = secret;
        this.source = Objects.requireNonNull(source, "source");
        this.propertyName = propertyName;
        this.problem = problem;
    }

    public static ResolvedSecret found(Secret secret, SecretSource source, String propertyName) {
        if (source == SecretSource.NOT_SET) {
            throw new IllegalArgumentException("a found secret needs a source");
        }
        return new ResolvedSecret(Objects.requireNonNull(secret, "secret"), source, propertyName, null);
    }

    /** No secret anywhere, and the configuration file does not claim there is one outside either. */
    public static ResolvedSecret notSet() {
        return new ResolvedSecret(null, SecretSource.NOT_SET, null, new SecretProblem(ErrorCode.CLIENT_SECRET_MISSING,
                "no client secret is set"));
    }

    /** As {@link #notSet()}, saying where it was looked for. */
    public static ResolvedSecret notSet(SecretOwner owner, List<String> namesLookedFor) {
        return notSet(owner, SecretSlot.CURRENT, namesLookedFor);
    }

    /** As {@link #notSet()} for one slot, saying where it was looked for. */
    public static ResolvedSecret notSet(SecretOwner owner, SecretSlot slot, List<String> namesLookedFor) {
        return new ResolvedSecret(null, SecretSource.NOT_SET, null, new SecretProblem(ErrorCode.CLIENT_SECRET_MISSING,
                "no client secret: " + slot.element() + " in " + owner.kind().fileName() + " is empty and none of "
                        + String.join(", ", namesLookedFor)
                        + " is set as an environment variable or JVM system property"));
    }

    /**
     * The configuration file holds {@value StoredSecret#EXTERNAL_PLACEHOLDER} but no variable or property is set:
     * a configuration error naming exactly the names that were looked for.
     */
    public static ResolvedSecret missingOutside(SecretOwner owner, List<String> namesLookedFor) {
        return missingOutside(owner, SecretSlot.CURRENT, namesLookedFor);
    }

    /** As {@link #missingOutside(SecretOwner, List)} for one slot. */
    public static ResolvedSecret missingOutside(SecretOwner owner, SecretSlot slot, List<String> namesLookedFor) {
        return new ResolvedSecret(null, SecretSource.NOT_SET, null, new SecretProblem(ErrorCode.CLIENT_SECRET_MISSING,
                slot.element() + " in " + owner.kind().fileName() + " is " + StoredSecret.EXTERNAL_PLACEHOLDER
                        + " but none of " + String.join(", ", namesLookedFor)
                        + " is set as an environment variable or JVM system property"));
    }

    /**
     * The secret for {@code propertyName} is in Lanyard's encrypted store but cannot be used.
     *
     * @param reason why, without any value (e.g. "the key file … is missing")
     */
    public static ResolvedSecret unreadable(String propertyName, String reason) {
        return new ResolvedSecret(null, SecretSource.SECURED_PROPERTY, Objects.requireNonNull(propertyName),
                new SecretProblem(ErrorCode.SECURED_PROPERTY_UNREADABLE,
                        "the secured property " + propertyName + " cannot be used: " + reason));
    }

    public Optional<Secret> secret() {
        return Optional.ofNullable(secret);
    }

    /** The secret's {@link Secret#fingerprint() fingerprint}, when there is a secret. */
    public Optional<String> fingerprint() {
        return secret().map(Secret::fingerprint);
    }

    public SecretSource source() {
        return source;
    }

    public Optional<String> propertyName() {
        return Optional.ofNullable(propertyName);
    }

    /** Present exactly when there is no secret. */
    public Optional<SecretProblem> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * The secret, to be used now.
     *
     * @throws LoginFailedException {@code CLIENT_SECRET_MISSING} (or {@code SECURED_PROPERTY_UNREADABLE}): the owner
     *         cannot be used until its secret is set; other owners are not affected
     */
    public Secret require(SecretOwner owner) {
        if (secret != null) {
            return secret;
        }
        ErrorCode code = problem == null ? ErrorCode.CLIENT_SECRET_MISSING : problem.errorCode();
        throw new LoginFailedException(code, owner + " has no client secret ("
                + (problem == null ? toString() : problem.message()) + ")");
    }

    /** Names the property names looked for, never the value. */
    @Override
    public String toString() {
        return "ResolvedSecret[" + source + (propertyName == null ? "" : " " + propertyName)
                + (problem == null ? "" : ", " + problem) + "]";
    }
}
