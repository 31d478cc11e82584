package io.lanyard.core.secret;

import java.util.Objects;
import java.util.Optional;

/**
 * What a configuration file holds in its {@code CLIENT_SECRET} element: nothing, a plaintext secret, or the
 * placeholder {@value #EXTERNAL_PLACEHOLDER}, which means "the secret comes from outside the file"
 * (an environment variable or a JVM system property).
 */
public final class StoredSecret {

    /** The exact text the specification prescribes for "the secret comes from outside". */
    public static final String EXTERNAL_PLACEHOLDER = "USING_ENVIRONMENT_PROPERTY";

    public enum Kind { NONE, PLAINTEXT, EXTERNAL }

    private static final StoredSecret NONE = new StoredSecret(Kind.NONE, null);
    private static final StoredSecret EXTERNAL = new StoredSecret(Kind.EXTERNAL, null);

    private final Kind kind;
    private final Secret plaintext;

    private StoredSecret(Kind kind, Secret plaintext) {
        this.kind = kind;
        this.plaintext = plaintext;
    }

    public static StoredSecret none() {
        return NONE;
    }

    public static StoredSecret external() {
        return EXTERNAL;
    }

    public static StoredSecret plaintext(Secret secret) {
        return new StoredSecret(Kind.PLAINTEXT, Objects.requireNonNull(secret, "secret"));
    }

    /** Reads the text of a {@code CLIENT_SECRET} element: blank is none, the placeholder is external. */
    public static StoredSecret fromXmlText(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String trimmed = text.strip();
        if (EXTERNAL_PLACEHOLDER.equals(trimmed)) {
            return EXTERNAL;
        }
        return plaintext(Secret.of(trimmed));
    }

    /**
     * The text of a {@code CLIENT_SECRET} element, the inverse of {@link #fromXmlText}. The one place a stored
     * secret's plaintext is taken out: to write it back into the file where the administrator put it.
     */
    public String toXmlText() {
        return switch (kind) {
            case NONE -> "";
            case EXTERNAL -> EXTERNAL_PLACEHOLDER;
            case PLAINTEXT -> plaintext.reveal();
        };
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Secret> plaintext() {
        return Optional.ofNullable(plaintext);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredSecret
                && ((StoredSecret) other).kind == kind
                && Objects.equals(((StoredSecret) other).plaintext, plaintext);
    }

    @Override
    public int hashCode() {
        return kind.hashCode();
    }

    @Override
    public String toString() {
        return "StoredSecret[" + kind + "]";
    }
}
