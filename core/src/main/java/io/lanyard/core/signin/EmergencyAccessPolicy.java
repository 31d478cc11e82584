package io.lanyard.core.signin;

import io.lanyard.core.config.EmergencyAccess;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.host.GroupMembership;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may complete a password login on the product's own form. Without enforced single sign-on, everyone (the
 * product's own rules apply). With it, such a login is an emergency login: open to everyone while an administrator's
 * time box or the emergency file ({@link EmergencyAccessFile}) says so, otherwise only to the emergency groups
 * (system administrators by default), or to nobody when password logins are switched off.
 */
public final class EmergencyAccessPolicy {

    /** What the product's password form may do now. */
    public enum Mode {
        /** SSO is not enforced: password logins are ordinary ones. */
        NOT_ENFORCED,
        /** Everyone may, for a time; each such login is an emergency login. */
        OPEN_TO_EVERYONE,
        /** Only members of the emergency groups may; each such login is an emergency login. */
        GROUPS,
        /** Nobody may. */
        OFF
    }

    /**
     * @param mode      what the form may do
     * @param openUntil with {@link Mode#OPEN_TO_EVERYONE}, until when
     * @param byFile    whether the emergency file opened it (rather than the admin page)
     */
    public record Decision(Mode mode, Optional<Instant> openUntil, boolean byFile) {

        public Decision {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(openUntil, "openUntil");
        }

        /** Whether a password login completed now is an emergency login (audited as such). */
        public boolean isEmergency() {
            return mode != Mode.NOT_ENFORCED;
        }
    }

    private final EmergencyAccessFile file;
    private final GroupMembership groups;
    private final Clock clock;

    public EmergencyAccessPolicy(EmergencyAccessFile file, GroupMembership groups, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Decision decide(LanyardSettings settings) {
        if (!settings.signIn().ssoEnforced()) {
            return new Decision(Mode.NOT_ENFORCED, Optional.empty(), false);
        }
        Instant now = clock.instant();
        Optional<Instant> byFile = file.openUntil().filter(now::isBefore);
        if (byFile.isPresent()) {
            return new Decision(Mode.OPEN_TO_EVERYONE, byFile, true);
        }
        EmergencyAccess emergency = settings.emergencyAccess();
        if (emergency.openToEveryoneAt(now)) {
            return new Decision(Mode.OPEN_TO_EVERYONE, emergency.openToEveryoneUntil(), false);
        }
        return new Decision(emergency.passwordLogin() == EmergencyAccess.PasswordLogin.OFF ? Mode.OFF : Mode.GROUPS,
                Optional.empty(), false);
    }

    /**
     * Whether {@code username}, just logged in with a password, may stay logged in under {@code decision}.
     *
     * @return the reason it may (for the audit trail), or empty when it may not
     */
    public Optional<String> admits(Decision decision, LanyardSettings settings, String username) {
        switch (decision.mode()) {
            case NOT_ENFORCED:
                return Optional.of("single sign-on is not enforced");
            case OPEN_TO_EVERYONE:
                return Optional.of("open to everyone until " + decision.openUntil().orElseThrow()
                        + (decision.byFile() ? " by the emergency file" : " by an administrator"));
            case OFF:
                return Optional.empty();
            default:
                EmergencyAccess emergency = settings.emergencyAccess();
                if (emergency.systemAdministrators() && groups.isSystemAdministrator(username)) {
                    return Optional.of("system administrator");
                }
                return emergency.groups().stream().filter(group -> groups.isMember(username, group)).findFirst()
                        .map(group -> "member of " + group);
        }
    }
}
