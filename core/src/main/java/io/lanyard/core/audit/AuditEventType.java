package io.lanyard.core.audit;

/**
 * What an audit event records. Append-only, like error codes: administrators filter and export by these names.
 * Each feature that acts on accounts, sessions, configuration or machine access adds its types here.
 */
public enum AuditEventType {
    /** An administrator changed the configuration (details: field names with old and new values; secrets "changed"). */
    CONFIGURATION_CHANGED,
    /** A person signed in through an identity provider. */
    LOGIN_SUCCEEDED,
    /** A sign-in through an identity provider failed (the event carries the error code). */
    LOGIN_FAILED,
    /** Someone signed in with a password on the product's own form while single sign-on is enforced. */
    EMERGENCY_LOGIN,
    /** Emergency access was opened to everyone for a time, or closed again. */
    EMERGENCY_ACCESS_CHANGED,
    /** An account was created from an identity provider's claims (just-in-time) or a directory sync. */
    ACCOUNT_CREATED,
    /** An account's display name, e-mail or activity was changed from the provider's data. */
    ACCOUNT_UPDATED,
    /** A group membership was added or removed by Lanyard's rules. */
    GROUP_MEMBERSHIP_CHANGED,
    /** A machine (script, CI job) was granted access with a bearer token, first use of that token. */
    MACHINE_TOKEN_GRANTED,
    /** A bearer token that is Lanyard's was refused. */
    MACHINE_TOKEN_REFUSED,
    /** A session ended by a logout (local, RP-initiated, back- or front-channel). */
    LOGOUT,
    /** An administrator re-authenticated at the identity provider and the product's WebSudo session was started. */
    REAUTHENTICATED,
    /** An administrator changed Lanyard's settings ({@code settings.xml}: details name the fields changed). */
    SETTINGS_CHANGED,
    /**
     * An identity provider could not be reached and people got the outage page (details: how many sign-ins failed
     * so; at most one event per provider, node and {@code io.lanyard.plugin.web.LoginAudit#OUTAGE_EVERY}).
     */
    PROVIDER_UNREACHABLE,
    /**
     * A directory sync run of an Entra ID connector ended (details: mode, outcome, counts created, updated,
     * deactivated, reactivated, memberships added and removed, errors); the accounts it created, deactivated or
     * reactivated each have their own {@link #ACCOUNT_CREATED} or {@link #ACCOUNT_UPDATED} event.
     */
    DIRECTORY_SYNC_RUN,
    /**
     * HTTP Basic authentication of an account Lanyard manages was refused (settings.xml {@code basic-auth}); once per
     * account and source address per ten minutes, not per request.
     */
    BASIC_AUTH_REFUSED
}
