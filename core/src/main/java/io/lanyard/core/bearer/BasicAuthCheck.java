package io.lanyard.core.bearer;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.bearer.BearerOutcome.Refused;
import io.lanyard.core.config.BasicAuthPolicy;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.GroupMembership;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the side door of issue 16: with {@code settings.xml}'s {@code basic-auth} section on, a request that
 * authenticates with HTTP Basic (RFC 7617) as an account Lanyard manages is refused before the product checks the
 * password, unless the account, one of its groups or the request's source address is excepted, or the switch-off file
 * ({@link BasicAuthOffFile}) exists. "Managed" means the account carries Lanyard's marks: the identity a provider
 * bound it to ({@link AccountWrites#IDENTITY_ATTRIBUTE}) or the service-account mark ({@link ServiceAccounts}). The
 * products' own tokens are sent as Bearer and never come here.
 *
 * <p>Only requests with a Basic header are looked at. Whether an account is managed is remembered for
 * {@link #MANAGED_CACHE_TIME} (at most {@value #MAX_REMEMBERED} accounts), so a script's many calls cost the host one
 * attribute read a minute; a refusal is audited once per account and source address per {@link #AUDIT_WINDOW} (same
 * bound), not per request. Thread-safe; holds no state of a request.
 */
public final class BasicAuthCheck {

    public static final Duration MANAGED_CACHE_TIME = Duration.ofSeconds(60);
    public static final Duration AUDIT_WINDOW = Duration.ofMinutes(10);
    static final int MAX_REMEMBERED = 10_000;
    private static final String BASIC_PREFIX = "Basic ";
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthCheck.class);

    private final Supplier<LanyardSettings> settings;
    private final BasicAuthOffFile offFile;
    private final AccountWrites accounts;
    private final GroupMembership groups;
    private final AuditSink audit;
    private final Clock clock;
    private final ConcurrentHashMap<String, Managed> managed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> audited = new ConcurrentHashMap<>();

    /**
     * @param settings the settings in force, re-read when the file changed (a change applies without a restart)
     * @param accounts reads the accounts' attributes (Lanyard's marks)
     * @param groups   answers the excepted groups
     */
    public BasicAuthCheck(Supplier<LanyardSettings> settings, BasicAuthOffFile offFile, AccountWrites accounts,
            GroupMembership groups, AuditSink audit, Clock clock) {
        this.settings = settings;
        this.offFile = offFile;
        this.accounts = accounts;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the header authenticates with Basic at all (the scheme is case-insensitive, RFC 7617 §2). */
    public static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BASIC_PREFIX, 0, BASIC_PREFIX.length());
    }

    /**
     * @param authorization the request's {@code Authorization} header
     * @return {@link BearerOutcome#NOT_OURS} to let the request go on to the product, or a refusal
     *         ({@code BASIC_AUTH_REFUSED})
     */
    public <R> BearerOutcome check(String authorization, R request, BearerRequest<R> reader) {
        if (!isBasic(authorization)) {
            return BearerOutcome.NOT_OURS;
        }
        BasicAuthPolicy policy = settings.get().basicAuth();
        if (!policy.refuseForManagedAccounts() || offFile.switchesOff()) {
            return BearerOutcome.NOT_OURS;
        }
        Optional<String> username = username(authorization);
        if (username.isEmpty() || policy.exceptsAccount(username.get()) || !isManaged(username.get())) {
            // An unreadable header is the product's to refuse; an account Lanyard does not manage has no MFA to skip.
            return BearerOutcome.NOT_OURS;
        }
        Optional<byte[]> address = ClientAddress.of(reader.remoteAddress(request), reader.forwardedFor(request),
                policy.trustedProxies());
        if (address.isPresent() && policy.exceptsAddress(address.get())) {
            return BearerOutcome.NOT_OURS;
        }
        for (String group : policy.exceptGroups()) {
            if (isMember(username.get(), group)) {
                return BearerOutcome.NOT_OURS;
            }
        }
        String source = address.map(ClientAddress::text).orElse(String.valueOf(reader.remoteAddress(request)));
        auditOnce(username.get(), source);
        return new Refused(ErrorCode.BASIC_AUTH_REFUSED, "Basic authentication of " + username.get()
                + ", an account Lanyard manages, from " + source + " (settings.xml basic-auth)");
    }

    /** The accounts whose managed state is remembered now (tests). */
    int rememberedAccounts() {
        return managed.size();
    }

    /** RFC 7617 §2: base64 of {@code user-id ":" password}; the user-id cannot contain a colon. */
    private static Optional<String> username(String authorization) {
        String encoded = authorization.substring(BASIC_PREFIX.length()).strip();
        if (encoded.isEmpty() || encoded.length() > 8192) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private boolean isManaged(String username) {
        String key = BasicAuthPolicy.usernameKey(username);
        long now = clock.millis();
        Managed known = managed.get(key);
        if (known != null && now < known.validUntilMillis()) {
            return known.managed();
        }
        boolean result = hasMark(username, AccountWrites.IDENTITY_ATTRIBUTE)
                || hasMark(username, ServiceAccounts.MARKER_ATTRIBUTE);
        if (managed.size() >= MAX_REMEMBERED) {
            managed.clear();
        }
        managed.put(key, new Managed(result, now + MANAGED_CACHE_TIME.toMillis()));
        return result;
    }

    private boolean hasMark(String username, String attribute) {
        try {
            Set<String> values = accounts.attribute(username, attribute);
            return values != null && !values.isEmpty();
        } catch (RuntimeException | LinkageError e) {
            // Never a lockout: an account whose marks cannot be read is treated as one Lanyard does not manage.
            LOG.warn("Could not read attribute {} of {} to decide on its Basic authentication ({}); allowed",
                    attribute, username, e.toString());
            return false;
        }
    }

    private boolean isMember(String username, String group) {
        try {
            return groups.isMember(username, group);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Could not read whether {} is in group {} ({}); not excepted by it", username, group,
                    e.toString());
            return false;
        }
    }

    private void auditOnce(String username, String source) {
        String key = BasicAuthPolicy.usernameKey(username) + ' ' + source;
        long now = clock.millis();
        Long last = audited.get(key);
        if (last != null && now - last < AUDIT_WINDOW.toMillis()) {
            return;
        }
        if (audited.size() >= MAX_REMEMBERED) {
            audited.clear();
        }
        if (last == null ? audited.putIfAbsent(key, now) != null : !audited.replace(key, last, now)) {
            return; // another request of the same account and source audits it
        }
        audit.record(AuditEvent.of(AuditEventType.BASIC_AUTH_REFUSED, clock.instant()).user(username)
                .actor(username).sourceAddress(source).code(ErrorCode.BASIC_AUTH_REFUSED).build());
    }

    private record Managed(boolean managed, long validUntilMillis) {
    }
}
