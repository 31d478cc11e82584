package io.lanyard.core.config;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may complete a password login on the product's own form while single sign-on is enforced
 * ({@link SignInPolicy#ssoEnforced()}): the way in when the identity provider is down.
 *
 * @param passwordLogin          {@link PasswordLogin#GROUPS} (the default) or {@link PasswordLogin#OFF}
 * @param systemAdministrators   with GROUPS, the product's system administrators may (default true)
 * @param groups                 with GROUPS, members of these host groups may too
 * @param openToEveryoneUntil    until then everyone may (an outage of the provider), whatever the mode says
 */
public record EmergencyAccess(PasswordLogin passwordLogin, boolean systemAdministrators, List<String> groups,
        Optional<Instant> openToEveryoneUntil) {

    public EmergencyAccess {
        Objects.requireNonNull(passwordLogin, "passwordLogin");
        groups = List.copyOf(groups);
        Objects.requireNonNull(openToEveryoneUntil, "openToEveryoneUntil");
    }

    static EmergencyAccess defaults() {
        return new EmergencyAccess(PasswordLogin.GROUPS, true, List.of(), Optional.empty());
    }

    /** Whether the time box opened by an administrator is still running at {@code now}. */
    public boolean openToEveryoneAt(Instant now) {
        return openToEveryoneUntil.filter(now::isBefore).isPresent();
    }

    /** Password logins on the product's form while SSO is enforced. */
    public enum PasswordLogin {
        /** Members of the configured groups (and system administrators, when so configured) only. */
        GROUPS,
        /** Nobody: the bypass is switched off (the emergency file in Lanyard's folder still opens it). */
        OFF
    }
}
