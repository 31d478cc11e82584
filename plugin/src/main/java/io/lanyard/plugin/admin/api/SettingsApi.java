package io.lanyard.plugin.admin.api;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.bearer.BasicAuthOffFile;
import io.lanyard.core.config.AddressRange;
import io.lanyard.core.config.BasicAuthPolicy;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.EmergencyAccess;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.config.LanyardSettingsBuilder;
import io.lanyard.core.config.SignInPolicy;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.signin.EmergencyAccessFile;
import io.lanyard.core.signin.EmergencyTimeBox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code settings.xml} through the JSON API (docs/admin-api.md): {@code GET settings}, {@code PUT settings} (the whole
 * document, validated whole: every invalid field at once, nothing changed), and the emergency time box,
 * {@code POST settings/emergency-access/open} with {@code {"minutes": 60}} (1 to 1440) and
 * {@code DELETE settings/emergency-access/open}. Each change is an audit event with its author.
 */
final class SettingsApi {

    /** The document of {@code GET}/{@code PUT settings}; {@code emergencyFile} is read-only (ignored on PUT). */
    record SettingsJson(SignInJson signIn, EmergencyAccessJson emergencyAccess, EmergencyFileJson emergencyFile,
            BasicAuthJson basicAuth) {

        /**
         * What an import takes: not the emergency time box ({@code openToEveryoneUntil}), which is the exporting
         * site's moment (an outage), not its configuration; the time box in force stays.
         */
        SettingsJson forImport() {
            return new SettingsJson(signIn, emergencyAccess == null ? null : new EmergencyAccessJson(
                    emergencyAccess.passwordLogin(), emergencyAccess.systemAdministrators(), emergencyAccess.groups(),
                    null), null, basicAuth);
        }
    }

    /**
     * settings.xml's {@code basic-auth} section; {@code offFile} and {@code switchedOffByFile} are read-only (where the
     * switch-off file goes, and whether it exists now).
     */
    record BasicAuthJson(Boolean refuseForManagedAccounts, List<String> exceptAccounts, List<String> exceptGroups,
            List<String> exceptAddresses, List<String> trustedProxies, String offFile, Boolean switchedOffByFile) {
    }

    record SignInJson(Boolean ssoEnforced, String loginPage, String defaultProvider, Long rememberChoiceDays,
            Integer loopMaxLogins, Long loopWindowSeconds, Boolean reauthenticateAtProvider) {
    }

    record EmergencyAccessJson(String passwordLogin, Boolean systemAdministrators, List<String> groups,
            String openToEveryoneUntil) {
    }

    /** Where the emergency file goes, and until when it opens the form (if it exists). */
    record EmergencyFileJson(String path, String openUntil) {
    }

    record OpenRequest(Integer minutes) {
    }

    private final SettingsService settings;
    private final EmergencyAccessFile file;
    private final AuditSink audit;
    private final Clock clock;
    private final EmergencyTimeBox timeBox;
    private final BasicAuthOffFile basicAuthOff;

    SettingsApi(SettingsService settings, EmergencyAccessFile file, AuditSink audit, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.file = Objects.requireNonNull(file, "file");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeBox = new EmergencyTimeBox(settings, audit, clock);
        this.basicAuthOff = new BasicAuthOffFile(settings.file().map(Path::getParent));
    }

    ApiResources.Result get() {
        return ok(json(settings.refreshed()));
    }

    /**
     * Whether {@code body} would change the settings in force; checked, not saved.
     *
     * @throws ApiException {@code ADMIN_IMPORT_REFUSED} when the result would be invalid
     */
    boolean changes(SettingsJson body) {
        LanyardSettings current = settings.refreshed();
        try {
            return !apply(current.toBuilder(), body).build().equals(current);
        } catch (ConfigurationException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.ADMIN_IMPORT_REFUSED,
                    "the settings are invalid; nothing was imported", e.fieldErrors());
        }
    }

    /** The settings in force, as an export carries them. */
    SettingsJson current() {
        return json(settings.refreshed());
    }

    ApiResources.Result put(String who, SettingsJson body) {
        LanyardSettings[] before = new LanyardSettings[1];
        LanyardSettings changed = change(current -> {
            before[0] = current;
            return apply(current.toBuilder(), body).build();
        });
        AuditEvent.Builder event = AuditEvent.of(AuditEventType.SETTINGS_CHANGED, clock.instant()).actor(who);
        SettingsJson old = json(before[0]);
        SettingsJson now = json(changed);
        changedFields(event, "signIn.", old.signIn(), now.signIn());
        changedFields(event, "emergencyAccess.", old.emergencyAccess(), now.emergencyAccess());
        audit.record(event.build());
        return ok(now);
    }

    /** Each field of the two records that differs, as {@code <prefix><field>.from} and {@code .to} (issue 19). */
    private static void changedFields(AuditEvent.Builder event, String prefix, Record old, Record now) {
        for (java.lang.reflect.RecordComponent component : old.getClass().getRecordComponents()) {
            try {
                Object from = component.getAccessor().invoke(old);
                Object to = component.getAccessor().invoke(now);
                if (!Objects.equals(from, to)) {
                    event.detail(prefix + component.getName() + ".from", from)
                            .detail(prefix + component.getName() + ".to", to);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a record's accessor is public", e);
            }
        }
    }

    ApiResources.Result open(String who, OpenRequest body) {
        try {
            timeBox.open(who, body.minutes());
        } catch (ConfigurationException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.CONFIG_INVALID, "nothing changed",
                    e.fieldErrors());
        }
        return ok(json(settings.current()));
    }

    ApiResources.Result close(String who) {
        timeBox.close(who);
        return ok(json(settings.current()));
    }

    private LanyardSettings change(java.util.function.UnaryOperator<LanyardSettings> change) {
        try {
            return settings.change(change);
        } catch (ConfigurationException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.CONFIG_INVALID,
                    "the settings are invalid; nothing changed", e.fieldErrors());
        }
    }

    /** Fields left out (null) keep their value. */
    private static LanyardSettingsBuilder apply(LanyardSettingsBuilder builder, SettingsJson body) {
        SignInJson signIn = body.signIn();
        if (signIn != null) {
            Optional.ofNullable(signIn.ssoEnforced()).ifPresent(builder::ssoEnforced);
            Optional.ofNullable(signIn.loginPage()).ifPresent(value -> builder.loginPage(enumValue(
                    SignInPolicy.LoginPageMode.class, value, "loginPage")));
            Optional.ofNullable(signIn.defaultProvider()).ifPresent(builder::defaultProvider);
            Optional.ofNullable(signIn.rememberChoiceDays()).ifPresent(days -> builder.rememberChoice(
                    Duration.ofDays(Math.max(-1, Math.min(days, 100_000)))));
            Optional.ofNullable(signIn.loopMaxLogins()).ifPresent(builder::loopMaxLogins);
            Optional.ofNullable(signIn.loopWindowSeconds()).ifPresent(seconds -> builder.loopWindow(
                    Duration.ofSeconds(Math.max(-1, Math.min(seconds, 1_000_000)))));
            Optional.ofNullable(signIn.reauthenticateAtProvider()).ifPresent(builder::reauthenticateAtProvider);
        }
        EmergencyAccessJson emergency = body.emergencyAccess();
        if (emergency != null) {
            Optional.ofNullable(emergency.passwordLogin()).ifPresent(value -> builder.passwordLogin(enumValue(
                    EmergencyAccess.PasswordLogin.class, value, "passwordLogin")));
            Optional.ofNullable(emergency.systemAdministrators()).ifPresent(builder::systemAdministrators);
            Optional.ofNullable(emergency.groups()).ifPresent(builder::groups);
            Optional.ofNullable(emergency.openToEveryoneUntil()).ifPresent(value -> builder.openToEveryoneUntil(
                    value.isBlank() ? null : instant(value)));
        }
        BasicAuthJson basicAuth = body.basicAuth();
        if (basicAuth != null) {
            Optional.ofNullable(basicAuth.refuseForManagedAccounts()).ifPresent(builder::refuseBasicAuth);
            Optional.ofNullable(basicAuth.exceptAccounts()).ifPresent(builder::basicAuthExceptAccounts);
            Optional.ofNullable(basicAuth.exceptGroups()).ifPresent(builder::basicAuthExceptGroups);
            Optional.ofNullable(basicAuth.exceptAddresses()).ifPresent(builder::basicAuthExceptAddresses);
            Optional.ofNullable(basicAuth.trustedProxies()).ifPresent(builder::basicAuthTrustedProxies);
        }
        return builder;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.CONFIG_INVALID, "nothing changed",
                List.of(new FieldError(field, "must be one of " + List.of(type.getEnumConstants()))));
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.CONFIG_INVALID, "nothing changed",
                    List.of(new FieldError("openToEveryoneUntil", "must be a UTC time such as 2026-12-31T23:59:00Z")));
        }
    }

    private SettingsJson json(LanyardSettings value) {
        SignInPolicy signIn = value.signIn();
        EmergencyAccess emergency = value.emergencyAccess();
        return new SettingsJson(
                new SignInJson(signIn.ssoEnforced(), signIn.loginPage().name(), signIn.defaultProvider().orElse(""),
                        signIn.rememberChoice().toDays(), signIn.loopMaxLogins(), signIn.loopWindow().toSeconds(),
                        signIn.reauthenticateAtProvider()),
                new EmergencyAccessJson(emergency.passwordLogin().name(), emergency.systemAdministrators(),
                        emergency.groups(), emergency.openToEveryoneUntil().map(Instant::toString).orElse("")),
                new EmergencyFileJson(file.path().map(Object::toString).orElse(""),
                        file.openUntil().map(Instant::toString).orElse("")),
                basicAuthJson(value.basicAuth()));
    }

    private BasicAuthJson basicAuthJson(BasicAuthPolicy policy) {
        return new BasicAuthJson(policy.refuseForManagedAccounts(), policy.exceptAccounts(), policy.exceptGroups(),
                policy.exceptAddresses().stream().map(AddressRange::toString).toList(),
                policy.trustedProxies().stream().map(AddressRange::toString).toList(),
                basicAuthOff.path().map(Object::toString).orElse(""), basicAuthOff.switchesOff());
    }

    private static ApiResources.Result ok(Object body) {
        return new ApiResources.Result(HttpServletResponse.SC_OK, body);
    }
}
