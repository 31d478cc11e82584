package io.lanyard.core.config.xml;

/**
 * A value that the file cannot hold as it is (e.g. a list value containing the separator). The writer names the
 * integration and the element; this says only what is wrong, never the value: it may be the secret.
 */
final class UnwritableValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param what completes "… contains ", e.g. "a character that XML 1.0 cannot hold" */
    UnwritableValueException(String what) {
        super(what, null, false, false);
    }
}
