package io.lanyard.core.provisioning;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.provisioning.GroupPlan.Change;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one login did to a person's account and groups: each change logged as it is made, with the user, the provider
 * and the rule that caused it, and reported to the audit trail; then one summary line. One instance per login.
 */
final class ProvisioningJournal {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningJournal.class);

    private final AuditSink audit;
    private final Clock clock;
    private final String providerId;
    private final List<String> account = new ArrayList<>();
    private String username;
    private int added;
    private int removed;
    private int created;
    private int skipped;
    private int unchanged;

    ProvisioningJournal(AuditSink audit, Clock clock, String providerId, String username) {
        this.audit = audit;
        this.clock = clock;
        this.providerId = providerId;
        this.username = username;
    }

    void accountCreated(String directory) {
        LOG.info("Created the account {} in directory {} (identity provider {}, rule: just-in-time creation)",
                username, directory, providerId);
        account.add("account created");
        audit.record(event(AuditEventType.ACCOUNT_CREATED).detail("directory", directory)
                .detail("rule", "just-in-time creation").build());
    }

    /** The account found is {@code name} (by e-mail, it may differ from the mapped username). */
    void accountIs(String name) {
        this.username = name;
    }

    void accountUpdated(List<String> fields, String rule) {
        LOG.info("Updated {} of the account {} (identity provider {}, rule: {})", String.join(", ", fields), username,
                providerId, rule);
        account.add(String.join(", ", fields) + " updated");
        audit.record(event(AuditEventType.ACCOUNT_UPDATED).detail("fields", String.join(" ", fields))
                .detail("rule", rule).build());
    }

    void identityRemembered() {
        LOG.info("The account {} now remembers its subject at identity provider {} (rule: pin the subject)", username,
                providerId);
        account.add("subject remembered");
        audit.record(event(AuditEventType.ACCOUNT_UPDATED).detail("fields", AccountWrites.IDENTITY_ATTRIBUTE)
                .detail("rule", "pin the subject").build());
    }

    void groupsChanged(GroupSync.Outcome outcome) {
        for (String group : outcome.created()) {
            LOG.info("Created the group {} for {} (identity provider {}, rule: create missing groups)", group, username,
                    providerId);
            membership(group, "group created", "create missing groups");
        }
        for (Change change : outcome.added()) {
            LOG.info("Added {} to the group {} (identity provider {}, rule: {})", username, change.group(), providerId,
                    change.rule());
            membership(change.group(), "added", change.rule());
        }
        for (Change change : outcome.removed()) {
            LOG.info("Removed {} from the group {} (identity provider {}, rule: {})", username, change.group(),
                    providerId, change.rule());
            membership(change.group(), "removed", change.rule());
        }
        for (Change change : outcome.skipped()) {
            LOG.warn("Did not add {} to the group {}: it does not exist and creating missing groups is off (identity "
                    + "provider {}, rule: {})", username, change.group(), providerId, change.rule());
        }
        added += outcome.added().size();
        removed += outcome.removed().size();
        created += outcome.created().size();
        skipped += outcome.skipped().size();
        unchanged += outcome.unchanged();
    }

    /** One line per login: what happened to the account and how many memberships changed. */
    void summary() {
        LOG.info("Login of {} through identity provider {}: {}; groups: {} added, {} removed, {} created, {} skipped, "
                + "{} unchanged", username, providerId, account.isEmpty() ? "account unchanged" : String.join(", ",
                        account), added, removed, created, skipped, unchanged);
    }

    private void membership(String group, String change, String rule) {
        audit.record(event(AuditEventType.GROUP_MEMBERSHIP_CHANGED).detail("group", group).detail("change", change)
                .detail("rule", rule).build());
    }

    private AuditEvent.Builder event(AuditEventType type) {
        return AuditEvent.of(type, clock.instant()).actor(username).user(username).integration(providerId);
    }

}
