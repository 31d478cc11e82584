package io.lanyard.core.config;

import java.util.Objects;

/**
 * What Lanyard does to the host's users and groups when a person logs in through one identity provider: accounts
 * ({@link AccountSettings}: just-in-time creation, updates, matching safeguards) and groups ({@link GroupSyncSettings}).
 * The defaults change nothing in the host, as before these settings existed: an account must exist, and no
 * membership is touched.
 *
 * @param accounts how accounts are found, created and kept up to date
 * @param groups   which memberships Lanyard keeps in step with the provider's groups
 */
public record ProvisioningSettings(AccountSettings accounts, GroupSyncSettings groups) {

    /** Nothing created, updated or synchronised. */
    public static final ProvisioningSettings DEFAULT = new ProvisioningSettings(AccountSettings.DEFAULT,
            GroupSyncSettings.DEFAULT);

    public ProvisioningSettings {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(groups, "groups");
    }

    public static ProvisioningSettingsBuilder builder() {
        return new ProvisioningSettingsBuilder();
    }

    /** A builder holding these values, to change some and build again (validated again). */
    public ProvisioningSettingsBuilder toBuilder() {
        return ProvisioningSettingsBuilder.from(this);
    }

    /** Whether a login writes anything to the host's memberships: group sync, or default groups. */
    public boolean writesMemberships() {
        return groups.sync() || !groups.defaultGroups().isEmpty();
    }
}
