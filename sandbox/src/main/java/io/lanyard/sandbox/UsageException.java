package io.lanyard.sandbox;

/** The command line was wrong; the message says how, in one line a person can act on. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
