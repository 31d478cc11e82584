package io.lanyard.core.secret.secured;

/**
 * The store of secured properties, or one value in it, cannot be used. The message says why for the log and the
 * admin UI; it names files and property names, never a value or a key.
 */
final class SecuredStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    SecuredStoreException(String message) {
        super(message);
    }

    SecuredStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
