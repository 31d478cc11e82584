package io.lanyard.core.provisioning;

import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.config.AccountSettings;
import io.lanyard.core.config.GroupSyncSettings;
import io.lanyard.core.config.ProvisioningSettings;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.AccountChanges;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.GroupWrites;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.NewAccount;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.core.mapping.UserResolver;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a verified identity into the host account it logs in as, as its provider's {@link ProvisioningSettings} say:
 * finds the account (by username, or by an e-mail address the provider verified that one active account has), checks
 * the identity it is bound to, creates it just in time, reactivates and updates it, and brings its managed group
 * memberships in step with the provider's groups. With the default settings it only finds the account, as before.
 *
 * <p>Order, so that a refused login changes nothing it need not: the provider's groups are read first (Microsoft Graph
 * for an overage token); then the account is matched and its bound identity checked before any write; then the
 * account is created or changed; then the memberships, all or none ({@link GroupSync}). An account created by a login
 * whose group change then fails stays (without the groups); the login is refused, and the next one completes it.
 * Thread-safe; keeps nothing between logins.
 */
public final class AccountProvisioning {

    private static final Logger LOG = LoggerFactory.getLogger(AccountProvisioning.class);

    private final UserResolver resolver;
    private final AccountWrites accounts;
    private final GroupWrites groups;
    private final Optional<OverageGroups> overage;
    private final AuditSink audit;
    private final Clock clock;

    /**
     * @param overage reads the groups of an Entra ID overage token; empty where no Graph access is wired (an overage
     *                token then ends in {@code OVERAGE_CONNECTOR_UNAVAILABLE})
     */
    public AccountProvisioning(UserDirectory users, AccountWrites accounts, GroupWrites groups,
            Optional<OverageGroups> overage, AuditSink audit, Clock clock) {
        this.resolver = new UserResolver(Objects.requireNonNull(users, "users"));
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.overage = Objects.requireNonNull(overage, "overage");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Finds accounts only: nothing is ever created or changed (a host without write adapters, and tests). */
    public static AccountProvisioning readOnly(UserDirectory users, Clock clock) {
        String reason = "this host has no adapter for writing users and groups";
        return new AccountProvisioning(users, AccountWrites.unavailable(reason), GroupWrites.unavailable(reason),
                Optional.empty(), AuditSink.none(), clock);
    }

    /**
     * @throws LanyardException with the code of the first rule the identity broke or the host write that failed;
     *         then nothing of the person was changed, except an account created before a failed group change
     */
    public HostUser accountFor(LoginIdentity identity) {
        ProvisioningSettings settings = identity.provider().provisioning();
        AccountSettings rules = settings.accounts();
        Map<String, Object> claims = identity.claims();
        String username = identity.usernames().username(claims);
        List<ProviderGroup> providerGroups = providerGroups(identity);
        ProvisioningJournal journal = new ProvisioningJournal(audit, clock, identity.provider().id(), username);
        Optional<HostUser> found = resolver.find(username, claims, identity.usernames());
        HostUser user;
        boolean created = found.isEmpty();
        if (created) {
            if (!rules.create()) {
                throw UserResolver.notFound(username, identity.usernames());
            }
            user = create(username, rules, claims, journal);
        } else {
            user = found.get();
            journal.accountIs(user.username());
            if (rules.pinSubject()) {
                requireSameIdentity(user, identity);
            }
            user = bringUpToDate(user, rules, claims, journal);
        }
        if (rules.pinSubject()) {
            rememberIdentity(user, identity, journal);
        }
        if (settings.writesMemberships()) {
            syncGroups(user, identity, providerGroups, created, journal);
        }
        journal.summary();
        return user;
    }

    /**
     * What the login's group sync would change for this identity, written nowhere: the administrator's dry run
     * ("Test sign-in"). The provider's groups are read as the login reads them (an overage token's from Graph);
     * an account that does not exist yet has no memberships, and gets the rules of a new account.
     *
     * @param existing the account the login would use, if it exists
     * @return empty where the provider's settings write no memberships
     */
    public Optional<GroupPlan> groupPlanFor(LoginIdentity identity, Optional<HostUser> existing) {
        if (!identity.provider().provisioning().writesMemberships()) {
            return Optional.empty();
        }
        GroupRules rules = identity.groupRules();
        Set<String> current = existing.map(user -> groups.of(user.username()).direct()).orElse(Set.of());
        return Optional.of(GroupPlan.between(current, rules.desired(providerGroups(identity), existing.isEmpty()),
                rules));
    }

    /** The provider's groups, read before anything is written (an overage token's from Graph). */
    private List<ProviderGroup> providerGroups(LoginIdentity identity) {
        GroupSyncSettings settings = identity.provider().provisioning().groups();
        if (!settings.sync()) {
            return List.of();
        }
        ClaimedGroups claimed = ClaimedGroups.read(identity.claims(), settings.claim());
        if (claimed instanceof ClaimedGroups.Overage tooMany) {
            OverageGroups reader = overage.orElseThrow(() -> new LoginFailedException(
                    ErrorCode.OVERAGE_CONNECTOR_UNAVAILABLE, "the token of identity provider "
                            + identity.provider().id() + " says its groups did not fit, and this host cannot read "
                            + "them from Microsoft Graph"));
            return reader.groupsOf(settings, identity.provider().id(), tooMany.objectId());
        }
        return ((ClaimedGroups.Listed) claimed).groups();
    }

    private HostUser create(String username, AccountSettings rules, Map<String, Object> claims,
            ProvisioningJournal journal) {
        String email = AccountClaims.email(rules, claims).orElseThrow(() -> new LoginFailedException(
                ErrorCode.ACCOUNT_EMAIL_MISSING, "no account \"" + username + "\", and none can be created: none of "
                        + "the claims " + rules.emailClaims() + " holds an e-mail address"));
        String displayName = AccountClaims.displayName(rules, claims).orElse(username);
        HostUser user = accounts.create(new NewAccount(rules.directory(), username, displayName, email));
        journal.accountCreated(rules.directory().orElse("(the first writable one)"));
        return user;
    }

    /**
     * Reactivated when the rules allow it (otherwise refused); display name and e-mail follow the provider when
     * updates are on. A failed update of those is logged and the login goes on; a failed reactivation ends it.
     */
    private HostUser bringUpToDate(HostUser user, AccountSettings rules, Map<String, Object> claims,
            ProvisioningJournal journal) {
        HostUser current = user;
        if (!current.active()) {
            if (!rules.reactivate()) {
                throw new LoginFailedException(ErrorCode.USER_INACTIVE, "user \"" + current.username()
                        + "\" is inactive");
            }
            current = accounts.update(current.username(), new AccountChanges(Optional.empty(), Optional.empty(),
                    Optional.of(true)));
            journal.accountUpdated(List.of("active"), "reactivate deactivated accounts");
        }
        if (!rules.update()) {
            return current;
        }
        AccountChanges changes = new AccountChanges(
                AccountClaims.displayName(rules, claims).filter(name -> !name.equals(user.displayName())),
                AccountClaims.email(rules, claims).filter(email -> !email.equalsIgnoreCase(user.email())),
                Optional.empty());
        if (changes.isEmpty()) {
            return current;
        }
        try {
            HostUser updated = accounts.update(current.username(), changes);
            journal.accountUpdated(changes.fields(), "update accounts at login");
            return updated;
        } catch (LanyardException e) {
            LOG.warn("{}: could not update {} of {} from identity provider claims; the login goes on with the account "
                    + "as it is: {}", e.errorCode().code(), String.join(", ", changes.fields()), current.username(),
                    e.getMessage());
            return current;
        }
    }

    /** OIDC Core §2: the account belongs to one {@code sub} of each issuer; another is a different person. */
    private void requireSameIdentity(HostUser user, LoginIdentity identity) {
        Set<String> bound = accounts.attribute(user.username(), AccountWrites.IDENTITY_ATTRIBUTE);
        String expected = IdentityBinding.value(identity.issuer(), identity.subject());
        if (IdentityBinding.boundToAnother(bound, identity.issuer(), expected)) {
            throw new LoginFailedException(ErrorCode.ACCOUNT_BOUND_TO_ANOTHER_IDENTITY, "the account "
                    + user.username() + " belongs to another subject of " + identity.issuer() + " than the one that "
                    + "logged in: the username or e-mail address was given to someone else at the provider");
        }
    }

    private void rememberIdentity(HostUser user, LoginIdentity identity, ProvisioningJournal journal) {
        Set<String> bound = new LinkedHashSet<>(accounts.attribute(user.username(), AccountWrites.IDENTITY_ATTRIBUTE));
        if (bound.add(IdentityBinding.value(identity.issuer(), identity.subject()))) {
            accounts.setAttribute(user.username(), AccountWrites.IDENTITY_ATTRIBUTE, bound);
            journal.identityRemembered();
        }
    }

    private void syncGroups(HostUser user, LoginIdentity identity, List<ProviderGroup> providerGroups, boolean created,
            ProvisioningJournal journal) {
        GroupRules rules = identity.groupRules();
        GroupWrites.UserGroups memberships = groups.of(user.username());
        GroupPlan plan = GroupPlan.between(memberships.direct(), rules.desired(providerGroups, created), rules);
        journal.groupsChanged(GroupSync.apply(plan, memberships, rules.settings().createGroups(), user.username()));
    }
}
