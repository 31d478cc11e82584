package io.lanyard.core.error;

import java.util.Locale;

/**
 * Every way a Lanyard login or configuration can fail, with a code that never changes.
 *
 * <p>The code ({@code LNY-nnn}) is what an end user reads from the error page, what an administrator
 * searches the log and the README for, and what tests assert. The {@link Kind} keeps apart who has to act:
 * our configuration is wrong, the identity provider is unavailable, the identity provider said no, or its
 * response failed our checks. The i18n key of each code is {@link #i18nKey()}.
 *
 * <p>Codes are append-only: never renumber or reuse one.
 */
public enum ErrorCode {

    // --- Our configuration is wrong: an administrator must act. ---
    CONFIG_INVALID("LNY-100", Kind.CONFIGURATION),
    CONFIG_UNREADABLE("LNY-101", Kind.CONFIGURATION),
    CONFIG_WRITE_FAILED("LNY-102", Kind.CONFIGURATION),
    IDP_UNKNOWN("LNY-103", Kind.CONFIGURATION),
    IDP_DISABLED("LNY-104", Kind.CONFIGURATION),
    CLIENT_SECRET_MISSING("LNY-105", Kind.CONFIGURATION),
    NO_IDP_CONFIGURED("LNY-106", Kind.CONFIGURATION),
    /** A client secret in Lanyard's encrypted store (Bitbucket 9+ secured properties) cannot be read or decrypted. */
    SECURED_PROPERTY_UNREADABLE("LNY-107", Kind.CONFIGURATION),
    /**
     * The configuration in the shared home could not be locked for a change within the bound (another cluster node
     * holds the lock, or the lock file cannot be opened); nothing was changed.
     */
    CONFIG_LOCK_UNAVAILABLE("LNY-108", Kind.CONFIGURATION),
    /** The key that seals pending logins (in the shared home) cannot be read or created: no login can start. */
    LOGIN_STATE_KEY_UNAVAILABLE("LNY-109", Kind.CONFIGURATION),
    /** The current client secret (or Lanyard's signing certificate) expires within 30 days: renew it now. */
    CLIENT_SECRET_EXPIRES_SOON("LNY-110", Kind.CONFIGURATION),
    /** The current client secret (or Lanyard's signing certificate) has expired. */
    CLIENT_SECRET_EXPIRED("LNY-111", Kind.CONFIGURATION),
    /** Lanyard's own signing key (for {@code private_key_jwt}) cannot be read, created or used. */
    SIGNING_KEY_UNUSABLE("LNY-112", Kind.CONFIGURATION),
    /** The encrypted store's old key cannot be removed yet: not every node has confirmed the new one. */
    SECURED_KEY_ROTATION_WAITING("LNY-113", Kind.CONFIGURATION),
    /** An Entra ID provider's secret expiry cannot be read: no Entra ID connector for its tenant. */
    ENTRA_PROVIDER_WITHOUT_CONNECTOR("LNY-114", Kind.CONFIGURATION),

    // --- The identity provider could not be reached, or answered with something unusable. ---
    DISCOVERY_UNREACHABLE("LNY-200", Kind.PROVIDER_UNAVAILABLE),
    DISCOVERY_INVALID("LNY-201", Kind.PROVIDER_UNAVAILABLE),
    DISCOVERY_ISSUER_MISMATCH("LNY-202", Kind.PROVIDER_UNAVAILABLE),
    JWKS_UNREACHABLE("LNY-203", Kind.PROVIDER_UNAVAILABLE),
    JWKS_INVALID("LNY-204", Kind.PROVIDER_UNAVAILABLE),
    TOKEN_ENDPOINT_UNREACHABLE("LNY-205", Kind.PROVIDER_UNAVAILABLE),
    USERINFO_UNREACHABLE("LNY-206", Kind.PROVIDER_UNAVAILABLE),
    HTTP_RESPONSE_TOO_LARGE("LNY-207", Kind.PROVIDER_UNAVAILABLE),

    // --- The identity provider said no. ---
    IDP_ERROR_RESPONSE("LNY-300", Kind.PROVIDER_REFUSED),
    TOKEN_REQUEST_REJECTED("LNY-301", Kind.PROVIDER_REFUSED),
    CLIENT_AUTHENTICATION_FAILED("LNY-302", Kind.PROVIDER_REFUSED),
    USERINFO_REJECTED("LNY-303", Kind.PROVIDER_REFUSED),
    /** During a rotation the provider refused both the current and the next client secret. */
    CLIENT_SECRETS_BOTH_REFUSED("LNY-304", Kind.PROVIDER_REFUSED),
    /** The provider refused Lanyard's signed client assertion ({@code private_key_jwt}). */
    CLIENT_ASSERTION_REFUSED("LNY-305", Kind.PROVIDER_REFUSED),

    // --- The response failed our checks (or was not meant for this browser). ---
    STATE_MISSING("LNY-400", Kind.RESPONSE_REJECTED),
    STATE_UNKNOWN("LNY-401", Kind.RESPONSE_REJECTED),
    LOGIN_EXPIRED("LNY-402", Kind.RESPONSE_REJECTED),
    AUTHORIZATION_CODE_MISSING("LNY-403", Kind.RESPONSE_REJECTED),
    RESPONSE_ISSUER_MISMATCH("LNY-404", Kind.RESPONSE_REJECTED),
    RESPONSE_ISSUER_MISSING("LNY-405", Kind.RESPONSE_REJECTED),
    CALLBACK_IDP_MISMATCH("LNY-406", Kind.RESPONSE_REJECTED),
    /**
     * The browser came back with a pending login that cannot be opened: changed, forged, or sealed under another key
     * (a node whose shared home has another key file).
     */
    PENDING_LOGIN_UNREADABLE("LNY-407", Kind.RESPONSE_REJECTED),
    TOKEN_RESPONSE_INVALID("LNY-410", Kind.RESPONSE_REJECTED),
    ID_TOKEN_MISSING("LNY-411", Kind.RESPONSE_REJECTED),
    ID_TOKEN_MALFORMED("LNY-412", Kind.RESPONSE_REJECTED),
    ID_TOKEN_ALGORITHM_REJECTED("LNY-413", Kind.RESPONSE_REJECTED),
    ID_TOKEN_KEY_NOT_FOUND("LNY-414", Kind.RESPONSE_REJECTED),
    ID_TOKEN_SIGNATURE_INVALID("LNY-415", Kind.RESPONSE_REJECTED),
    ID_TOKEN_ISSUER_MISMATCH("LNY-416", Kind.RESPONSE_REJECTED),
    ID_TOKEN_AUDIENCE_MISMATCH("LNY-417", Kind.RESPONSE_REJECTED),
    ID_TOKEN_UNTRUSTED_AUDIENCE("LNY-418", Kind.RESPONSE_REJECTED),
    ID_TOKEN_AZP_MISMATCH("LNY-419", Kind.RESPONSE_REJECTED),
    ID_TOKEN_EXPIRED("LNY-420", Kind.RESPONSE_REJECTED),
    ID_TOKEN_EXPIRY_MISSING("LNY-421", Kind.RESPONSE_REJECTED),
    ID_TOKEN_ISSUED_AT_MISSING("LNY-422", Kind.RESPONSE_REJECTED),
    ID_TOKEN_ISSUED_IN_FUTURE("LNY-423", Kind.RESPONSE_REJECTED),
    ID_TOKEN_NOT_YET_VALID("LNY-424", Kind.RESPONSE_REJECTED),
    ID_TOKEN_SUBJECT_MISSING("LNY-425", Kind.RESPONSE_REJECTED),
    ID_TOKEN_NONCE_MISSING("LNY-426", Kind.RESPONSE_REJECTED),
    ID_TOKEN_NONCE_MISMATCH("LNY-427", Kind.RESPONSE_REJECTED),
    ID_TOKEN_AUTH_TIME_MISSING("LNY-428", Kind.RESPONSE_REJECTED),
    ID_TOKEN_AUTH_TOO_OLD("LNY-429", Kind.RESPONSE_REJECTED),
    ID_TOKEN_ACR_NOT_SATISFIED("LNY-430", Kind.RESPONSE_REJECTED),
    USERINFO_SUBJECT_MISMATCH("LNY-431", Kind.RESPONSE_REJECTED),
    USERINFO_INVALID("LNY-432", Kind.RESPONSE_REJECTED),
    ID_TOKEN_TYPE_REJECTED("LNY-433", Kind.RESPONSE_REJECTED),
    /** A claim of the ID token has another JSON type than OIDC Core §2 gives it (e.g. a numeric {@code sub}). */
    ID_TOKEN_CLAIM_TYPE_INVALID("LNY-434", Kind.RESPONSE_REJECTED),

    // --- Logout tokens (issue 15): a back-channel logout token broke a rule of Back-Channel Logout 1.0 §2.6. ---
    /** The back-channel request carried no {@code logout_token} form parameter. */
    LOGOUT_TOKEN_MISSING("LNY-440", Kind.RESPONSE_REJECTED),
    /** Not a signed JWT, or not readable as one. */
    LOGOUT_TOKEN_MALFORMED("LNY-441", Kind.RESPONSE_REJECTED),
    /** Signed with an algorithm the provider's configuration does not allow (or unsigned). */
    LOGOUT_TOKEN_ALGORITHM_REJECTED("LNY-442", Kind.RESPONSE_REJECTED),
    /** No key of the provider has the token's {@code kid} (after a rate-limited refetch). */
    LOGOUT_TOKEN_KEY_NOT_FOUND("LNY-443", Kind.RESPONSE_REJECTED),
    LOGOUT_TOKEN_SIGNATURE_INVALID("LNY-444", Kind.RESPONSE_REJECTED),
    /** {@code typ} is neither {@code logout+jwt}, nor {@code JWT}, nor absent. */
    LOGOUT_TOKEN_TYPE_REJECTED("LNY-445", Kind.RESPONSE_REJECTED),
    LOGOUT_TOKEN_ISSUER_MISMATCH("LNY-446", Kind.RESPONSE_REJECTED),
    LOGOUT_TOKEN_AUDIENCE_MISMATCH("LNY-447", Kind.RESPONSE_REJECTED),
    /** {@code iat} is missing, or in the future beyond the clock skew. */
    LOGOUT_TOKEN_ISSUED_AT_INVALID("LNY-448", Kind.RESPONSE_REJECTED),
    LOGOUT_TOKEN_EXPIRED("LNY-449", Kind.RESPONSE_REJECTED),
    /** {@code exp} is missing, or further after {@code iat} than a logout token may live. */
    LOGOUT_TOKEN_LIFETIME_INVALID("LNY-450", Kind.RESPONSE_REJECTED),
    LOGOUT_TOKEN_JTI_MISSING("LNY-451", Kind.RESPONSE_REJECTED),
    /** A token with this {@code jti} was received before, on this node or another. */
    LOGOUT_TOKEN_REPLAYED("LNY-452", Kind.RESPONSE_REJECTED),
    /** {@code events} is missing, or has no back-channel logout member whose value is a JSON object. */
    LOGOUT_TOKEN_EVENTS_INVALID("LNY-453", Kind.RESPONSE_REJECTED),
    /** Neither {@code sub} nor {@code sid}. */
    LOGOUT_TOKEN_SUBJECT_MISSING("LNY-454", Kind.RESPONSE_REJECTED),
    /** A {@code nonce}, which a logout token must never carry (it would pass for an ID token). */
    LOGOUT_TOKEN_NONCE_PRESENT("LNY-455", Kind.RESPONSE_REJECTED),
    /** A claim has another JSON type than the specifications give it. */
    LOGOUT_TOKEN_CLAIM_TYPE_INVALID("LNY-456", Kind.RESPONSE_REJECTED),

    // --- The identity is valid but does not map to a usable account of the host. ---
    USERNAME_CLAIM_MISSING("LNY-500", Kind.USER_MAPPING),
    USERNAME_TRANSFORM_NO_MATCH("LNY-501", Kind.USER_MAPPING),
    USER_NOT_FOUND("LNY-502", Kind.USER_MAPPING),
    USER_AMBIGUOUS("LNY-503", Kind.USER_MAPPING),
    USER_INACTIVE("LNY-504", Kind.USER_MAPPING),
    /**
     * The account exists and is active, but the product says it may not log in (SAL
     * {@code AuthenticationController.canLogin} is false: no product access or licence).
     */
    USER_NOT_PERMITTED("LNY-505", Kind.USER_MAPPING),

    // --- Users and groups from the identity provider (issue 13): just-in-time accounts, matching, group sync. ---
    /** Just-in-time creation needs an e-mail address and none of the configured claims holds one. */
    ACCOUNT_EMAIL_MISSING("LNY-510", Kind.USER_MAPPING),
    /** The account is bound to another subject of this issuer (sub pinning): a takeover through a reused name. */
    ACCOUNT_BOUND_TO_ANOTHER_IDENTITY("LNY-511", Kind.USER_MAPPING),
    /** The configured groups claim is present but is not a list of names (or a single name). */
    GROUPS_CLAIM_INVALID("LNY-512", Kind.RESPONSE_REJECTED),
    /** A group change failed midway; what had been applied was undone; the login was refused. */
    GROUP_SYNC_FAILED("LNY-513", Kind.HOST),
    /** A group change failed midway and undoing it failed too: the memberships are partly changed. */
    GROUP_SYNC_PARTIALLY_APPLIED("LNY-514", Kind.HOST),
    /** The provider sends more group names than Lanyard takes from one login. */
    GROUPS_TOO_MANY("LNY-515", Kind.RESPONSE_REJECTED),

    // --- The host application failed. ---
    HOST_LOGIN_FAILED("LNY-600", Kind.HOST),
    /**
     * The product lacks a class, method or field Lanyard's adapter for it calls (a product version whose API differs
     * from the one the adapter was written for); the product's own login still works.
     */
    HOST_API_UNAVAILABLE("LNY-601", Kind.HOST),

    // --- Writes to the host's users and groups (issue 13; later service accounts and directory sync). ---
    /** The directory chosen for new accounts is missing, inactive, or does not allow creating users. */
    HOST_DIRECTORY_UNAVAILABLE("LNY-610", Kind.HOST),
    HOST_ACCOUNT_CREATE_FAILED("LNY-611", Kind.HOST),
    HOST_ACCOUNT_UPDATE_FAILED("LNY-612", Kind.HOST),
    /** A user attribute (the remembered identity) could not be read or written, or the host keeps none. */
    HOST_USER_ATTRIBUTE_FAILED("LNY-613", Kind.HOST),
    HOST_GROUPS_UNREADABLE("LNY-614", Kind.HOST),
    HOST_GROUP_CREATE_FAILED("LNY-615", Kind.HOST),
    HOST_MEMBERSHIP_CHANGE_FAILED("LNY-616", Kind.HOST),
    /** The product offers no API Lanyard knows for writing users and groups (a version whose API differs). */
    HOST_WRITES_UNAVAILABLE("LNY-617", Kind.HOST),

    // --- An administration request was refused (admin pages and JSON API). ---
    ADMIN_LOGIN_REQUIRED("LNY-700", Kind.ADMINISTRATION),
    ADMIN_NOT_SYSTEM_ADMINISTRATOR("LNY-701", Kind.ADMINISTRATION),
    ADMIN_XSRF_REFUSED("LNY-702", Kind.ADMINISTRATION),
    ADMIN_REQUEST_MALFORMED("LNY-703", Kind.ADMINISTRATION),
    ADMIN_REQUEST_TOO_LARGE("LNY-704", Kind.ADMINISTRATION),
    ADMIN_NOT_FOUND("LNY-705", Kind.ADMINISTRATION),
    ADMIN_IMPORT_REFUSED("LNY-706", Kind.ADMINISTRATION),
    ADMIN_METHOD_NOT_ALLOWED("LNY-707", Kind.ADMINISTRATION),

    // --- Testing an Entra ID connector: Entra ID or Microsoft Graph could not be used. ---
    ENTRA_UNREACHABLE("LNY-710", Kind.PROVIDER_UNAVAILABLE),
    ENTRA_TOKEN_REFUSED("LNY-711", Kind.PROVIDER_REFUSED),
    GRAPH_REQUEST_REFUSED("LNY-712", Kind.PROVIDER_REFUSED),
    ENTRA_RESPONSE_INVALID("LNY-713", Kind.PROVIDER_UNAVAILABLE),
    /** Microsoft Graph does not know the app registration whose credentials Lanyard reads. */
    GRAPH_APPLICATION_NOT_FOUND("LNY-714", Kind.PROVIDER_REFUSED),
    /** Microsoft Graph refused to read app registrations: the permission Application.Read.All is missing. */
    GRAPH_PERMISSION_MISSING("LNY-715", Kind.PROVIDER_REFUSED),
    /** Entra ID refused Lanyard's certificate assertion: the certificate is not (or no longer) on the app. */
    ENTRA_CLIENT_ASSERTION_REFUSED("LNY-716", Kind.PROVIDER_REFUSED),

    // --- Entra ID group overage: the groups of a login read from Microsoft Graph with a connector (issue 13). ---
    OVERAGE_GRAPH_UNREACHABLE("LNY-720", Kind.PROVIDER_UNAVAILABLE),
    /** Graph answered 429 and asked for a longer wait than a login may take. */
    OVERAGE_GRAPH_THROTTLED("LNY-721", Kind.PROVIDER_UNAVAILABLE),
    /** Entra ID refused the connector's token, or Graph refused the call (a permission missing). */
    OVERAGE_GRAPH_REFUSED("LNY-722", Kind.PROVIDER_REFUSED),
    OVERAGE_GRAPH_ANSWER_INVALID("LNY-723", Kind.PROVIDER_UNAVAILABLE),
    /** The token has no {@code oid}, or Graph does not know the user it names. */
    OVERAGE_USER_UNKNOWN("LNY-724", Kind.RESPONSE_REJECTED),
    /** The token says its groups did not fit, and the provider names no usable Entra ID connector to read them. */
    OVERAGE_CONNECTOR_UNAVAILABLE("LNY-725", Kind.CONFIGURATION),
    /** Graph lists more groups for the user than Lanyard reads for one login. */
    OVERAGE_TOO_MANY_GROUPS("LNY-726", Kind.PROVIDER_UNAVAILABLE),

    // --- Directory sync from Microsoft Graph (issue 20): LNY-740–LNY-769. ---
    /** Graph could not be reached (or did not answer in time) during a sync's read: nothing was applied. */
    DIRSYNC_GRAPH_UNREACHABLE("LNY-740", Kind.PROVIDER_UNAVAILABLE),
    /** Graph kept answering 429/503 after every wait the sync allows: nothing was applied; the next run retries. */
    DIRSYNC_GRAPH_THROTTLED("LNY-741", Kind.PROVIDER_UNAVAILABLE),
    /** Entra ID refused the connector's credentials, or Graph refused a read of the sync: nothing was applied. */
    DIRSYNC_GRAPH_REFUSED("LNY-742", Kind.PROVIDER_REFUSED),
    /** Graph answered a sync's read with something that is not Graph's answer: nothing was applied. */
    DIRSYNC_GRAPH_ANSWER_INVALID("LNY-743", Kind.PROVIDER_UNAVAILABLE),
    /** The saved delta link expired (410 Gone): this run reads everything again (a full sync). A warning. */
    DIRSYNC_DELTA_EXPIRED("LNY-744", Kind.PROVIDER_REFUSED),
    /** The run would deactivate more than the safety share of the synced users: nothing applied until confirmed. */
    DIRSYNC_SAFETY_STOP("LNY-745", Kind.CONFIGURATION),
    /** A sync of this connector is running already (on this node or another): the request was not started. */
    DIRSYNC_ALREADY_RUNNING("LNY-746", Kind.CONFIGURATION),
    /** A user's username attribute is empty, or the username pattern does not match it: that user is skipped. */
    DIRSYNC_USERNAME_UNUSABLE("LNY-747", Kind.CONFIGURATION),
    /** Two users of the tenant map to the same username: the second is skipped. */
    DIRSYNC_USERNAME_CONFLICT("LNY-748", Kind.CONFIGURATION),
    /** A host write for one user failed: that user is retried by the next run; the others were applied. */
    DIRSYNC_USER_WRITE_FAILED("LNY-749", Kind.HOST),
    /** The sync's state in the shared home cannot be read: this run is a full sync. A warning. */
    DIRSYNC_STATE_UNREADABLE("LNY-750", Kind.CONFIGURATION),
    /** The sync's state or run report cannot be written to the shared home. */
    DIRSYNC_STATE_WRITE_FAILED("LNY-751", Kind.CONFIGURATION),
    /** The connector is unknown or disabled, or the sync cannot start (no host writes). */
    DIRSYNC_CONNECTOR_UNAVAILABLE("LNY-752", Kind.CONFIGURATION),
    /** The run was stopped before its end (node shutting down, cancelled): the next run resumes from the saved state. */
    DIRSYNC_INTERRUPTED("LNY-753", Kind.HOST),
    /** Graph answered 403: the app registration lacks the application permission the sync's settings need. */
    DIRSYNC_GRAPH_PERMISSION_MISSING("LNY-754", Kind.PROVIDER_REFUSED),

    // --- The sign-in experience (issue 14): several providers, e-mail routing, emergency access, re-authentication. ---
    /** One browser started more logins in a short time than a person does: the loop breaker stopped redirecting it. */
    LOGIN_LOOP_DETECTED("LNY-800", Kind.HOST),
    /** A password login on the product's form while SSO is enforced, by someone outside the emergency groups. */
    EMERGENCY_LOGIN_REFUSED("LNY-801", Kind.USER_MAPPING),
    /** Password logins on the product's form are switched off while SSO is enforced. */
    PASSWORD_LOGIN_OFF("LNY-802", Kind.USER_MAPPING),
    /** The account does not match the username pattern or directory this provider is restricted to. */
    ACCOUNT_NOT_ALLOWED_FOR_PROVIDER("LNY-803", Kind.USER_MAPPING),
    /** The account belongs to another provider (it matches that provider's restriction), not to this one. */
    ACCOUNT_OWNED_BY_OTHER_PROVIDER("LNY-804", Kind.USER_MAPPING),
    /** A provider is restricted to a directory, and the host cannot say which directory the account is in. */
    ACCOUNT_DIRECTORY_UNKNOWN("LNY-805", Kind.HOST),
    /** The e-mail address typed on the chooser has a domain no provider signs in, and there is no default provider. */
    EMAIL_DOMAIN_UNKNOWN("LNY-806", Kind.CONFIGURATION),
    /** What was typed on the chooser is not an e-mail address. */
    EMAIL_INVALID("LNY-807", Kind.RESPONSE_REJECTED),
    /** Re-authentication (WebSudo) at the provider came back as another person than the one signed in. */
    REAUTHENTICATION_USER_MISMATCH("LNY-808", Kind.USER_MAPPING),
    /** The product's re-authentication (WebSudo) session could not be started after the provider confirmed the person. */
    REAUTHENTICATION_UNAVAILABLE("LNY-809", Kind.HOST),
    /** An administrator's own page template cannot be used (refused at save; at display the built-in page is shown). */
    CUSTOM_TEMPLATE_INVALID("LNY-810", Kind.CONFIGURATION),
    /** The emergency file in Lanyard's folder cannot be read as what it should hold (it still opens access). */
    EMERGENCY_FILE_INVALID("LNY-811", Kind.CONFIGURATION),

    // --- Logout and the cluster (issue 15). ---
    /** The provider's back- or front-channel logout is switched off in its configuration. */
    LOGOUT_CHANNEL_DISABLED("LNY-830", Kind.CONFIGURATION),
    /** A logout request (front-channel, back-channel) is not one Lanyard can act on: wrong method, no sid, wrong iss. */
    LOGOUT_REQUEST_INVALID("LNY-831", Kind.RESPONSE_REJECTED),
    /** The browser came back from the provider's logout without the state this browser's logout sent. */
    LOGOUT_STATE_MISMATCH("LNY-832", Kind.RESPONSE_REJECTED),
    /** The cluster's shared state (revocations, replay cache, lock) could not be used. */
    CLUSTER_UNAVAILABLE("LNY-833", Kind.HOST),
    /** A session started by single sign-on reached the lifetime its provider allows; the request needs a new login. */
    SESSION_LIFETIME_EXCEEDED("LNY-834", Kind.RESPONSE_REJECTED),
    /** A silent re-authentication ({@code prompt=none}) came back needing the person: the normal login follows. */
    SILENT_LOGIN_NEEDS_INTERACTION("LNY-835", Kind.PROVIDER_REFUSED),
    /** Logout "also at the provider" is configured, but the provider announces no usable end_session_endpoint. */
    END_SESSION_UNAVAILABLE("LNY-836", Kind.PROVIDER_UNAVAILABLE),

    // --- Running it with confidence (issue 19): audit trail, event store, diagnostics, provider outage. ---
    /** Lanyard's event store in the shared home could not be written or read; events still go to the log. */
    EVENT_STORE_UNWRITABLE("LNY-850", Kind.HOST),
    /** The product's audit log (atlassian-audit) is not there or refused an event; Lanyard's own store still has it. */
    HOST_AUDIT_UNAVAILABLE("LNY-851", Kind.HOST),
    /** The admin's event filter cannot be read (a time that is not ISO-8601, an unknown type, a limit out of range). */
    EVENT_QUERY_INVALID("LNY-852", Kind.ADMINISTRATION),
    /** A provider cannot be reached; its discovery document or keys are used from the copy in the shared home. */
    PROVIDER_COPY_IN_USE("LNY-853", Kind.PROVIDER_UNAVAILABLE),

    // --- API access (issue 16): bearer tokens that scripts and servers present to the REST API. ---
    /** Not a well-formed JWT of a configured issuer (parts, base64url, JSON, size). Answered 401 invalid_token. */
    BEARER_TOKEN_MALFORMED("LNY-900", Kind.RESPONSE_REJECTED),
    /** Unsigned ({@code alg: none}), HMAC-signed, signed with an algorithm not allowed, or with {@code crit}. */
    BEARER_ALGORITHM_REJECTED("LNY-901", Kind.RESPONSE_REJECTED),
    /** No key of the issuer matches the token's {@code kid} and algorithm (keys refetched at most every 10 s). */
    BEARER_KEY_NOT_FOUND("LNY-902", Kind.RESPONSE_REJECTED),
    BEARER_SIGNATURE_INVALID("LNY-903", Kind.RESPONSE_REJECTED),
    /** RFC 9068 §4: {@code typ} is not {@code at+jwt} (nor {@code JWT} where the issuer allows it). */
    BEARER_TYPE_REJECTED("LNY-904", Kind.RESPONSE_REJECTED),
    /** {@code aud} does not contain the configured audience. */
    BEARER_AUDIENCE_MISMATCH("LNY-905", Kind.RESPONSE_REJECTED),
    BEARER_EXPIRED("LNY-906", Kind.RESPONSE_REJECTED),
    /** {@code nbf} or {@code iat} lies in the future (beyond the clock skew). */
    BEARER_NOT_YET_VALID("LNY-907", Kind.RESPONSE_REJECTED),
    /** {@code exp} or {@code iat} missing, or a claim of the wrong JSON type. */
    BEARER_CLAIM_INVALID("LNY-908", Kind.RESPONSE_REJECTED),
    /** Older (by {@code iat}) than the client's maximum token age. */
    BEARER_TOO_OLD("LNY-909", Kind.RESPONSE_REJECTED),
    /** Neither {@code client_id} nor {@code azp}: the calling client cannot be told. */
    BEARER_CLIENT_MISSING("LNY-910", Kind.RESPONSE_REJECTED),
    /** The client is not on the issuer's allow-list (and the token maps to no user either). */
    BEARER_CLIENT_NOT_ALLOWED("LNY-911", Kind.USER_MAPPING),
    /** RFC 6750 §3.1 insufficient_scope: the token lacks the required scopes. Answered 403. */
    BEARER_INSUFFICIENT_SCOPE("LNY-912", Kind.USER_MAPPING),
    /** The client is read-only and the request is not GET or HEAD. Answered 403. */
    BEARER_READ_ONLY("LNY-913", Kind.USER_MAPPING),
    /** The request comes from an address outside the client's ranges. Answered 403. */
    BEARER_SOURCE_ADDRESS_REFUSED("LNY-914", Kind.USER_MAPPING),
    /** RFC 7662 §2.2: the introspection endpoint says the token is not active (revoked, expired, unknown). */
    BEARER_INACTIVE("LNY-915", Kind.PROVIDER_REFUSED),
    /** The introspection endpoint could not be reached, refused Lanyard's client, or answered unusably. */
    INTROSPECTION_FAILED("LNY-916", Kind.PROVIDER_UNAVAILABLE),
    /** The mapped service account (or delegated user) is missing and cannot be created, or is inactive. */
    BEARER_ACCOUNT_UNAVAILABLE("LNY-917", Kind.USER_MAPPING),
    /**
     * settings.xml {@code basic-auth}: HTTP Basic authentication of an account Lanyard manages (created or linked by a
     * provider, or a service account) is refused, and no exception applies. Answered 401 with
     * {@code WWW-Authenticate: Basic}.
     */
    BASIC_AUTH_REFUSED("LNY-918", Kind.RESPONSE_REJECTED),

    // --- CI jobs without secrets (issue 17): CI job tokens under trust policies. ---
    /** A CI job token (its issuer is a trust policy's) is not a readable JWS, or is too long. */
    CI_TOKEN_MALFORMED("LNY-940", Kind.RESPONSE_REJECTED),
    /** A CI job token is unsigned ({@code none}), HMAC-signed, or has {@code crit}: only RS/PS/ES are accepted. */
    CI_TOKEN_ALGORITHM_REJECTED("LNY-941", Kind.RESPONSE_REJECTED),
    /** No key of the CI (after a rate-limited refetch) has the token's {@code kid}. */
    CI_TOKEN_KEY_NOT_FOUND("LNY-942", Kind.RESPONSE_REJECTED),
    CI_TOKEN_SIGNATURE_INVALID("LNY-943", Kind.RESPONSE_REJECTED),
    CI_TOKEN_EXPIRED("LNY-944", Kind.RESPONSE_REJECTED),
    /** {@code nbf} or {@code iat} in the future (beyond the clock skew). */
    CI_TOKEN_NOT_YET_VALID("LNY-945", Kind.RESPONSE_REJECTED),
    /** Older by its {@code iat} than the matching policy's maximum token age. */
    CI_TOKEN_TOO_OLD("LNY-946", Kind.RESPONSE_REJECTED),
    /** A required claim ({@code exp}, {@code iat}) is missing, or a claim has the wrong type. */
    CI_TOKEN_CLAIM_INVALID("LNY-947", Kind.RESPONSE_REJECTED),
    /** The token's {@code aud} is not a trusted audience of any policy of its issuer (or an array with one that is not). */
    CI_AUDIENCE_UNTRUSTED("LNY-948", Kind.RESPONSE_REJECTED),
    /** A claim condition of the policy does not hold (another repository id, branch, environment…). */
    CI_CONDITION_FAILED("LNY-949", Kind.USER_MAPPING),
    /** A read-only policy's job sent a method other than GET, HEAD or OPTIONS. */
    CI_READ_ONLY("LNY-950", Kind.USER_MAPPING),
    /** The path is outside the policy's path prefixes (or not in normal form). */
    CI_PATH_NOT_ALLOWED("LNY-951", Kind.USER_MAPPING),
    /** The policy's service account is inactive, or missing and cannot be created. */
    CI_ACCOUNT_UNAVAILABLE("LNY-952", Kind.USER_MAPPING),
    /** The CI's keys (or its discovery document) cannot be fetched and no copy is held. */
    CI_KEYS_UNAVAILABLE("LNY-953", Kind.PROVIDER_UNAVAILABLE),

    INTERNAL_ERROR("LNY-999", Kind.HOST);

    /**
     * Who has to act on a failure. The HTTP status is chosen per code ({@link #httpStatus()}): one kind can hold
     * a fault of the browser's request and one of the provider's answer.
     */
    public enum Kind {
        CONFIGURATION,
        PROVIDER_UNAVAILABLE,
        PROVIDER_REFUSED,
        RESPONSE_REJECTED,
        USER_MAPPING,
        HOST,
        /** An administrator's request to the admin pages or the JSON API was refused. */
        ADMINISTRATION
    }

    private final String code;
    private final Kind kind;

    ErrorCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** The stable code shown to people, e.g. {@code LNY-415}. */
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The HTTP status of a page or API answer that ends with this code. It says whose fault the failure is, as the
     * README's "Troubleshooting by error code" explains: 4xx the request (or the account it maps to), 502 the
     * identity provider answered but refused or failed our checks, 503 it could not be reached, 500 only our own
     * configuration, the host, or a bug. The switch has no default, so a new code does not compile without one.
     */
    public int httpStatus() {
        return switch (this) {
            case STATE_MISSING, STATE_UNKNOWN, LOGIN_EXPIRED, AUTHORIZATION_CODE_MISSING, RESPONSE_ISSUER_MISMATCH,
                    RESPONSE_ISSUER_MISSING, CALLBACK_IDP_MISMATCH, PENDING_LOGIN_UNREADABLE, ADMIN_REQUEST_MALFORMED,
                    ADMIN_IMPORT_REFUSED -> 400;
            // Back-Channel Logout 1.0 §2.8: a logout request that failed is answered 400.
            case LOGOUT_TOKEN_MISSING, LOGOUT_TOKEN_MALFORMED, LOGOUT_TOKEN_ALGORITHM_REJECTED,
                    LOGOUT_TOKEN_KEY_NOT_FOUND, LOGOUT_TOKEN_SIGNATURE_INVALID, LOGOUT_TOKEN_TYPE_REJECTED,
                    LOGOUT_TOKEN_ISSUER_MISMATCH, LOGOUT_TOKEN_AUDIENCE_MISMATCH, LOGOUT_TOKEN_ISSUED_AT_INVALID,
                    LOGOUT_TOKEN_EXPIRED, LOGOUT_TOKEN_LIFETIME_INVALID, LOGOUT_TOKEN_JTI_MISSING,
                    LOGOUT_TOKEN_REPLAYED, LOGOUT_TOKEN_EVENTS_INVALID, LOGOUT_TOKEN_SUBJECT_MISSING,
                    LOGOUT_TOKEN_NONCE_PRESENT, LOGOUT_TOKEN_CLAIM_TYPE_INVALID, LOGOUT_REQUEST_INVALID,
                    LOGOUT_STATE_MISMATCH, EMAIL_INVALID, CUSTOM_TEMPLATE_INVALID, EVENT_QUERY_INVALID -> 400;
            case ADMIN_LOGIN_REQUIRED, SESSION_LIFETIME_EXCEEDED, BEARER_TOKEN_MALFORMED, BEARER_ALGORITHM_REJECTED,
                    BEARER_KEY_NOT_FOUND, BEARER_SIGNATURE_INVALID, BEARER_TYPE_REJECTED, BEARER_AUDIENCE_MISMATCH,
                    BEARER_EXPIRED, BEARER_NOT_YET_VALID, BEARER_CLAIM_INVALID, BEARER_TOO_OLD, BEARER_CLIENT_MISSING,
                    BEARER_INACTIVE, CI_TOKEN_MALFORMED, CI_TOKEN_ALGORITHM_REJECTED, CI_TOKEN_KEY_NOT_FOUND,
                    CI_TOKEN_SIGNATURE_INVALID, CI_TOKEN_EXPIRED, CI_TOKEN_NOT_YET_VALID, CI_TOKEN_TOO_OLD,
                    CI_TOKEN_CLAIM_INVALID, CI_AUDIENCE_UNTRUSTED, BASIC_AUTH_REFUSED -> 401;
            case USERNAME_CLAIM_MISSING, USERNAME_TRANSFORM_NO_MATCH, USER_NOT_FOUND, USER_AMBIGUOUS, USER_INACTIVE,
                    USER_NOT_PERMITTED, ACCOUNT_EMAIL_MISSING, ACCOUNT_BOUND_TO_ANOTHER_IDENTITY,
                    ADMIN_NOT_SYSTEM_ADMINISTRATOR, ADMIN_XSRF_REFUSED, BEARER_CLIENT_NOT_ALLOWED,
                    BEARER_INSUFFICIENT_SCOPE, BEARER_READ_ONLY, BEARER_SOURCE_ADDRESS_REFUSED,
                    BEARER_ACCOUNT_UNAVAILABLE, EMERGENCY_LOGIN_REFUSED, PASSWORD_LOGIN_OFF,
                    ACCOUNT_NOT_ALLOWED_FOR_PROVIDER, ACCOUNT_OWNED_BY_OTHER_PROVIDER,
                    REAUTHENTICATION_USER_MISMATCH, CI_CONDITION_FAILED, CI_READ_ONLY, CI_PATH_NOT_ALLOWED,
                    CI_ACCOUNT_UNAVAILABLE -> 403;
            case IDP_UNKNOWN, IDP_DISABLED, ADMIN_NOT_FOUND, LOGOUT_CHANNEL_DISABLED, EMAIL_DOMAIN_UNKNOWN -> 404;
            case ADMIN_METHOD_NOT_ALLOWED -> 405;
            case ADMIN_REQUEST_TOO_LARGE -> 413;
            case LOGIN_LOOP_DETECTED -> 429;
            case DIRSYNC_SAFETY_STOP, DIRSYNC_ALREADY_RUNNING -> 409;
            case CONFIG_INVALID, CONFIG_UNREADABLE, CONFIG_WRITE_FAILED, CLIENT_SECRET_MISSING, NO_IDP_CONFIGURED,
                    SECURED_PROPERTY_UNREADABLE, CONFIG_LOCK_UNAVAILABLE, LOGIN_STATE_KEY_UNAVAILABLE,
                    HOST_LOGIN_FAILED, HOST_API_UNAVAILABLE, GROUP_SYNC_FAILED,
                    GROUP_SYNC_PARTIALLY_APPLIED, HOST_DIRECTORY_UNAVAILABLE, HOST_ACCOUNT_CREATE_FAILED,
                    HOST_ACCOUNT_UPDATE_FAILED, HOST_USER_ATTRIBUTE_FAILED, HOST_GROUPS_UNREADABLE,
                    HOST_GROUP_CREATE_FAILED, HOST_MEMBERSHIP_CHANGE_FAILED, HOST_WRITES_UNAVAILABLE,
                    OVERAGE_CONNECTOR_UNAVAILABLE, CLIENT_SECRET_EXPIRES_SOON, CLIENT_SECRET_EXPIRED, SIGNING_KEY_UNUSABLE,
                    SECURED_KEY_ROTATION_WAITING, ENTRA_PROVIDER_WITHOUT_CONNECTOR, ACCOUNT_DIRECTORY_UNKNOWN,
                    REAUTHENTICATION_UNAVAILABLE, EMERGENCY_FILE_INVALID, DIRSYNC_USERNAME_UNUSABLE,
                    DIRSYNC_USERNAME_CONFLICT, DIRSYNC_USER_WRITE_FAILED, DIRSYNC_STATE_UNREADABLE,
                    DIRSYNC_STATE_WRITE_FAILED, DIRSYNC_CONNECTOR_UNAVAILABLE, DIRSYNC_INTERRUPTED,
                    EVENT_STORE_UNWRITABLE, HOST_AUDIT_UNAVAILABLE, INTERNAL_ERROR -> 500;
            case DISCOVERY_INVALID, DISCOVERY_ISSUER_MISMATCH, JWKS_INVALID, HTTP_RESPONSE_TOO_LARGE,
                    IDP_ERROR_RESPONSE, TOKEN_REQUEST_REJECTED, CLIENT_AUTHENTICATION_FAILED, USERINFO_REJECTED,
                    TOKEN_RESPONSE_INVALID, ID_TOKEN_MISSING, ID_TOKEN_MALFORMED, ID_TOKEN_ALGORITHM_REJECTED,
                    ID_TOKEN_KEY_NOT_FOUND, ID_TOKEN_SIGNATURE_INVALID, ID_TOKEN_ISSUER_MISMATCH,
                    ID_TOKEN_AUDIENCE_MISMATCH, ID_TOKEN_UNTRUSTED_AUDIENCE, ID_TOKEN_AZP_MISMATCH, ID_TOKEN_EXPIRED,
                    ID_TOKEN_EXPIRY_MISSING, ID_TOKEN_ISSUED_AT_MISSING, ID_TOKEN_ISSUED_IN_FUTURE,
                    ID_TOKEN_NOT_YET_VALID, ID_TOKEN_SUBJECT_MISSING, ID_TOKEN_NONCE_MISSING, ID_TOKEN_NONCE_MISMATCH,
                    ID_TOKEN_AUTH_TIME_MISSING, ID_TOKEN_AUTH_TOO_OLD, ID_TOKEN_ACR_NOT_SATISFIED,
                    USERINFO_SUBJECT_MISMATCH, USERINFO_INVALID, ID_TOKEN_TYPE_REJECTED, ID_TOKEN_CLAIM_TYPE_INVALID,
                    ENTRA_TOKEN_REFUSED, GRAPH_REQUEST_REFUSED, ENTRA_RESPONSE_INVALID, GROUPS_CLAIM_INVALID, GROUPS_TOO_MANY,
                    OVERAGE_GRAPH_REFUSED, OVERAGE_GRAPH_ANSWER_INVALID, OVERAGE_USER_UNKNOWN, OVERAGE_TOO_MANY_GROUPS,
                    CLIENT_SECRETS_BOTH_REFUSED, CLIENT_ASSERTION_REFUSED, GRAPH_APPLICATION_NOT_FOUND,
                    GRAPH_PERMISSION_MISSING, ENTRA_CLIENT_ASSERTION_REFUSED, SILENT_LOGIN_NEEDS_INTERACTION,
                    END_SESSION_UNAVAILABLE, DIRSYNC_GRAPH_REFUSED, DIRSYNC_GRAPH_ANSWER_INVALID, DIRSYNC_DELTA_EXPIRED,
                    DIRSYNC_GRAPH_PERMISSION_MISSING -> 502;
            case DISCOVERY_UNREACHABLE, JWKS_UNREACHABLE, TOKEN_ENDPOINT_UNREACHABLE, USERINFO_UNREACHABLE,
                    ENTRA_UNREACHABLE, OVERAGE_GRAPH_UNREACHABLE, OVERAGE_GRAPH_THROTTLED, CLUSTER_UNAVAILABLE,
                    INTROSPECTION_FAILED, CI_KEYS_UNAVAILABLE, DIRSYNC_GRAPH_UNREACHABLE, DIRSYNC_GRAPH_THROTTLED,
                    PROVIDER_COPY_IN_USE -> 503;
        };
    }

    /** Key of the human-readable summary in the i18n resource, e.g. {@code lanyard.error.id_token_signature_invalid}. */
    public String i18nKey() {
        return "lanyard.error." + name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return code + " " + name();
    }
}
