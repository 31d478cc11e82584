package io.lanyard.core.config;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds valid {@link LanyardSettings} or reports every invalid field at once: the one place the rules of
 * {@code settings.xml} and the admin page's settings form live.
 */
public final class LanyardSettingsBuilder {

    public static final Duration MAX_REMEMBER_CHOICE = Duration.ofDays(3650);
    public static final Duration MAX_LOOP_WINDOW = Duration.ofHours(1);
    public static final int MAX_LOOP_LOGINS = 100;
    public static final int MAX_GROUPS = 100;

    private boolean ssoEnforced;
    private SignInPolicy.LoginPageMode loginPage;
    private String defaultProvider;
    private Duration rememberChoice;
    private int loopMaxLogins;
    private Duration loopWindow;
    private boolean reauthenticateAtProvider;
    private EmergencyAccess.PasswordLogin passwordLogin;
    private boolean systemAdministrators;
    private Collection<String> groups;
    private Instant openToEveryoneUntil;

    LanyardSettingsBuilder() {
        this(LanyardSettings.defaults());
    }

    private LanyardSettingsBuilder(LanyardSettings settings) {
        SignInPolicy signIn = settings.signIn();
        ssoEnforced = signIn.ssoEnforced();
        loginPage = signIn.loginPage();
        defaultProvider = signIn.defaultProvider().orElse(null);
        rememberChoice = signIn.rememberChoice();
        loopMaxLogins = signIn.loopMaxLogins();
        loopWindow = signIn.loopWindow();
        reauthenticateAtProvider = signIn.reauthenticateAtProvider();
        EmergencyAccess emergency = settings.emergencyAccess();
        passwordLogin = emergency.passwordLogin();
        systemAdministrators = emergency.systemAdministrators();
        groups = emergency.groups();
        openToEveryoneUntil = emergency.openToEveryoneUntil().orElse(null);
    }

    static LanyardSettingsBuilder from(LanyardSettings settings) {
        return new LanyardSettingsBuilder(settings);
    }

    public LanyardSettingsBuilder ssoEnforced(boolean value) { this.ssoEnforced = value; return this; }
    public LanyardSettingsBuilder loginPage(SignInPolicy.LoginPageMode value) { this.loginPage = value; return this; }
    public LanyardSettingsBuilder defaultProvider(String value) { this.defaultProvider = value; return this; }
    public LanyardSettingsBuilder rememberChoice(Duration value) { this.rememberChoice = value; return this; }
    public LanyardSettingsBuilder loopMaxLogins(int value) { this.loopMaxLogins = value; return this; }
    public LanyardSettingsBuilder loopWindow(Duration value) { this.loopWindow = value; return this; }
    public LanyardSettingsBuilder reauthenticateAtProvider(boolean value) { this.reauthenticateAtProvider = value; return this; }
    public LanyardSettingsBuilder passwordLogin(EmergencyAccess.PasswordLogin value) { this.passwordLogin = value; return this; }
    public LanyardSettingsBuilder systemAdministrators(boolean value) { this.systemAdministrators = value; return this; }
    public LanyardSettingsBuilder groups(Collection<String> value) { this.groups = value; return this; }
    /** @param value null to close the time box */
    public LanyardSettingsBuilder openToEveryoneUntil(Instant value) { this.openToEveryoneUntil = value; return this; }

    /**
     * @throws ConfigurationException listing every invalid field
     */
    public LanyardSettings build() {
        List<FieldError> errors = new ArrayList<>();
        if (loginPage == null) {
            errors.add(new FieldError("loginPage", "must be REDIRECT or ALONGSIDE_FORM"));
        }
        Optional<String> provider = Optional.ofNullable(defaultProvider).map(String::strip).filter(p -> !p.isEmpty());
        if (provider.isPresent() && !IntegrationKind.IDENTITY_PROVIDER.isWellFormedId(provider.get())) {
            errors.add(new FieldError("defaultProvider", "must be an identity provider's id (letters and digits)"));
        }
        requireBetween(errors, "rememberChoiceDays", rememberChoice, Duration.ZERO, MAX_REMEMBER_CHOICE);
        if (loopMaxLogins < 2 || loopMaxLogins > MAX_LOOP_LOGINS) {
            errors.add(new FieldError("loopMaxLogins", "must be a whole number from 2 to " + MAX_LOOP_LOGINS));
        }
        requireBetween(errors, "loopWindowSeconds", loopWindow, Duration.ofSeconds(5), MAX_LOOP_WINDOW);
        if (passwordLogin == null) {
            errors.add(new FieldError("passwordLogin", "must be GROUPS or OFF"));
        }
        List<String> checkedGroups = checkedGroups(errors);
        if (passwordLogin == EmergencyAccess.PasswordLogin.GROUPS && !systemAdministrators && checkedGroups.isEmpty()
                && errors.stream().noneMatch(e -> e.field().equals("emergencyGroups"))) {
            // Nobody could get in: that is what OFF says, and OFF must be chosen as such, never reached by accident.
            errors.add(new FieldError("emergencyGroups", "name at least one group, or keep system administrators, or "
                    + "choose to switch password logins off"));
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException("the settings are invalid", errors);
        }
        return new LanyardSettings(
                new SignInPolicy(ssoEnforced, loginPage, provider, rememberChoice, loopMaxLogins, loopWindow,
                        reauthenticateAtProvider),
                new EmergencyAccess(passwordLogin, systemAdministrators, checkedGroups,
                        Optional.ofNullable(openToEveryoneUntil)));
    }

    private List<String> checkedGroups(List<FieldError> errors) {
        Set<String> result = new LinkedHashSet<>();
        for (String group : groups == null ? List.<String>of() : groups) {
            if (group == null || group.isBlank()) {
                continue;
            }
            String name = group.strip();
            if (name.length() > 255 || FieldChecks.CONTROL.matcher(name).find()) {
                errors.add(new FieldError("emergencyGroups", "a group name has at most 255 characters and no control "
                        + "characters"));
            } else {
                result.add(name);
            }
        }
        if (result.size() > MAX_GROUPS) {
            errors.add(new FieldError("emergencyGroups", "must list at most " + MAX_GROUPS + " groups"));
        }
        return List.copyOf(result);
    }

    private static void requireBetween(List<FieldError> errors, String field, Duration value, Duration min,
            Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.add(new FieldError(field, "must be between " + describe(min, field) + " and " + describe(max, field)));
        }
    }

    private static String describe(Duration duration, String field) {
        return field.endsWith("Days") ? duration.toDays() + " days" : duration.toSeconds() + " seconds";
    }
}
