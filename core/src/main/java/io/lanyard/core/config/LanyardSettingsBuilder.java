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
    private boolean refuseBasicAuth;
    private Collection<String> basicAuthExceptAccounts;
    private Collection<String> basicAuthExceptGroups;
    private Collection<String> basicAuthExceptAddresses;
    private Collection<String> basicAuthTrustedProxies;

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
        BasicAuthPolicy basicAuth = settings.basicAuth();
        refuseBasicAuth = basicAuth.refuseForManagedAccounts();
        basicAuthExceptAccounts = basicAuth.exceptAccounts();
        basicAuthExceptGroups = basicAuth.exceptGroups();
        basicAuthExceptAddresses = basicAuth.exceptAddresses().stream().map(AddressRange::toString).toList();
        basicAuthTrustedProxies = basicAuth.trustedProxies().stream().map(AddressRange::toString).toList();
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

    public LanyardSettingsBuilder refuseBasicAuth(boolean value) { this.refuseBasicAuth = value; return this; }
    public LanyardSettingsBuilder basicAuthExceptAccounts(Collection<String> value) { this.basicAuthExceptAccounts = value; return this; }
    public LanyardSettingsBuilder basicAuthExceptGroups(Collection<String> value) { this.basicAuthExceptGroups = value; return this; }
    /** @param value IP addresses or CIDR ranges */
    public LanyardSettingsBuilder basicAuthExceptAddresses(Collection<String> value) { this.basicAuthExceptAddresses = value; return this; }
    /** @param value IP addresses or CIDR ranges */
    public LanyardSettingsBuilder basicAuthTrustedProxies(Collection<String> value) { this.basicAuthTrustedProxies = value; return this; }

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
        List<String> checkedGroups = names(errors, "emergencyGroups", "group", groups);
        if (passwordLogin == EmergencyAccess.PasswordLogin.GROUPS && !systemAdministrators && checkedGroups.isEmpty()
                && errors.stream().noneMatch(e -> e.field().equals("emergencyGroups"))) {
            // Nobody could get in: that is what OFF says, and OFF must be chosen as such, never reached by accident.
            errors.add(new FieldError("emergencyGroups", "name at least one group, or keep system administrators, or "
                    + "choose to switch password logins off"));
        }
        BasicAuthPolicy basicAuth = new BasicAuthPolicy(refuseBasicAuth,
                names(errors, "basicAuthExceptAccounts", "username", basicAuthExceptAccounts),
                names(errors, "basicAuthExceptGroups", "group", basicAuthExceptGroups),
                addressRanges(errors, "basicAuthExceptAddresses", basicAuthExceptAddresses),
                addressRanges(errors, "basicAuthTrustedProxies", basicAuthTrustedProxies));
        if (!errors.isEmpty()) {
            throw new ConfigurationException("the settings are invalid", errors);
        }
        return new LanyardSettings(
                new SignInPolicy(ssoEnforced, loginPage, provider, rememberChoice, loopMaxLogins, loopWindow,
                        reauthenticateAtProvider),
                new EmergencyAccess(passwordLogin, systemAdministrators, checkedGroups,
                        Optional.ofNullable(openToEveryoneUntil)), basicAuth);
    }

    /** Group names or usernames: blanks skipped, each stripped, at most {@value #MAX_GROUPS}. */
    private static List<String> names(List<FieldError> errors, String field, String what, Collection<String> texts) {
        Set<String> result = new LinkedHashSet<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String name = text.strip();
            if (name.length() > 255 || FieldChecks.CONTROL.matcher(name).find()) {
                errors.add(new FieldError(field, "a " + what + " has at most 255 characters and no control "
                        + "characters"));
            } else {
                result.add(name);
            }
        }
        if (result.size() > MAX_GROUPS) {
            errors.add(new FieldError(field, "must list at most " + MAX_GROUPS + " " + what + "s"));
        }
        return List.copyOf(result);
    }

    private static List<AddressRange> addressRanges(List<FieldError> errors, String field, Collection<String> texts) {
        List<AddressRange> ranges = TokenIssuerConfigBuilder.ranges(errors, field,
                texts == null ? List.of() : List.copyOf(texts));
        if (ranges.size() > MAX_GROUPS) {
            errors.add(new FieldError(field, "must list at most " + MAX_GROUPS + " ranges"));
        }
        return ranges;
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
