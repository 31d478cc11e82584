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
        return ensure(new Owner(issuer.id(), issuer.serviceAccountDirectory(), mapping.clientId()), mapping.account());
    }

    /**
     * Whose service account it is: the integration (token issuer or CI trust policy), the directory to create it in,
     * and the client (or CI) it is for, as the marker attribute and the log name them.
     */
    record Owner(String integrationId, Optional<String> directory, String client) {
    }

    /**
     * @return the account's username
     * @throws LanyardException {@code BEARER_ACCOUNT_UNAVAILABLE}: inactive, or missing and not creatable
     */
    String ensure(Owner owner, String account) {
        Optional<HostUser> existing = users.findByUsername(account);
        if (existing.isPresent()) {
            return active(existing.get());
        }
        // One creation at a time: two first requests of one client must not create the account twice.
        synchronized (this) {
            existing = users.findByUsername(account);
            if (existing.isPresent()) {
                return active(existing.get());
            }
            return create(owner, account);
        }
    }

    private static String active(HostUser user) {
        if (!user.active()) {
            throw new LanyardException(ErrorCode.BEARER_ACCOUNT_UNAVAILABLE,
                    "service account " + user.username() + " is inactive");
        }
        return user.username();
    }

    private String create(Owner owner, String account) {
        HostUser created;
        try {
            created = writes.create(new NewAccount(owner.directory(), account,
                    "Service account (" + owner.client() + ")", account + "@service-account.invalid"));
        } catch (LanyardException e) {
            throw new LanyardException(ErrorCode.BEARER_ACCOUNT_UNAVAILABLE, "service account " + account
                    + " does not exist and could not be created: " + e.errorCode().code() + " " + e.getMessage());
        }
        try {
            writes.setAttribute(created.username(), MARKER_ATTRIBUTE, Set.of(owner.integrationId() + " " + owner.client()));
        } catch (LanyardException e) {
            LOG.warn("Service account {} was created but could not be marked as one: {}", created.username(),
                    e.getMessage());
        }
        audit.record(AuditEvent.of(AuditEventType.ACCOUNT_CREATED, clock.instant()).user(created.username())
                .integration(owner.integrationId()).detail("serviceAccount", true).detail("client", owner.client()).build());
        LOG.info("Service account {} created for client {} of integration {}", created.username(), owner.client(),
                owner.integrationId());
        return created.username();
    }
}
