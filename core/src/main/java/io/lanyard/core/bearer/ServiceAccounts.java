package io.lanyard.core.bearer;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.NewAccount;
import io.lanyard.core.host.UserDirectory;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service account a client-credentials client acts as: the existing active account of that name, or a new one
 * created through the host's account writes in the issuer's directory, marked in the user attribute
 * {@value #MARKER_ATTRIBUTE} (issuer id and client id) so that administrators and later syncs can tell it from people.
 */
final class ServiceAccounts {

    static final String MARKER_ATTRIBUTE = "lanyard.serviceAccount";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceAccounts.class);

    private final UserDirectory users;
    private final AccountWrites writes;
    private final AuditSink audit;
    private final Clock clock;

    ServiceAccounts(UserDirectory users, AccountWrites writes, AuditSink audit, Clock clock) {
        this.users = users;
        this.writes = writes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @return the account's username
     * @throws LanyardException {@code BEARER_ACCOUNT_UNAVAILABLE}: inactive, or missing and not creatable
     */
    String ensure(TokenIssuerConfig issuer, ClientMapping mapping) {
        Optional<HostUser> existing = users.findByUsername(mapping.account());
        if (existing.isPresent()) {
            return active(existing.get());
        }
        // One creation at a time: two first requests of one client must not create the account twice.
        synchronized (this) {
            existing = users.findByUsername(mapping.account());
            if (existing.isPresent()) {
                return active(existing.get());
            }
            return create(issuer, mapping);
        }
    }

    private static String active(HostUser user) {
        if (!user.active()) {
            throw new LanyardException(ErrorCode.BEARER_ACCOUNT_UNAVAILABLE,
                    "service account " + user.username() + " is inactive");
        }
        return user.username();
    }

    private String create(TokenIssuerConfig issuer, ClientMapping mapping) {
        HostUser created;
        try {
            created = writes.create(new NewAccount(issuer.serviceAccountDirectory(), mapping.account(),
                    "Service account (" + mapping.clientId() + ")", mapping.account() + "@service-account.invalid"));
        } catch (LanyardException e) {
            throw new LanyardException(ErrorCode.BEARER_ACCOUNT_UNAVAILABLE, "service account " + mapping.account()
                    + " does not exist and could not be created: " + e.errorCode().code() + " " + e.getMessage());
        }
        try {
            writes.setAttribute(created.username(), MARKER_ATTRIBUTE, Set.of(issuer.id() + " " + mapping.clientId()));
        } catch (LanyardException e) {
            LOG.warn("Service account {} was created but could not be marked as one: {}", created.username(),
                    e.getMessage());
        }
        audit.record(AuditEvent.of(AuditEventType.ACCOUNT_CREATED, clock.instant()).user(created.username())
                .integration(issuer.id()).detail("serviceAccount", true).detail("client", mapping.clientId()).build());
        LOG.info("Service account {} created for client {} of token issuer {}", created.username(), mapping.clientId(),
                issuer.id());
        return created.username();
    }
}
