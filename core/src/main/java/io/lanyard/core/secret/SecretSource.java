package io.lanyard.core.secret;

/** Where a resolved client secret came from; shown to administrators, never the value itself. */
public enum SecretSource {
    /** An environment variable of the host process. */
    ENVIRONMENT_VARIABLE,
    /** A JVM system property ({@code -DNAME=value}). */
    SYSTEM_PROPERTY,
    /** The {@code CLIENT_SECRET} element of {@code provider.xml} or {@code connector.xml}. */
    CONFIGURATION_FILE,
    /** Lanyard's encrypted store of secured properties (Bitbucket 9+ {@code secrets.secured-properties}). */
    SECURED_PROPERTY,
    /** No secret anywhere. */
    NOT_SET
}
