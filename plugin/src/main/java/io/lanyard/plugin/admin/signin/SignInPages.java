package io.lanyard.plugin.admin.signin;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.bearer.BasicAuthOffFile;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.EmergencyAccess;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.signin.EmergencyAccessFile;
import io.lanyard.core.signin.EmergencyTimeBox;
import io.lanyard.plugin.admin.AdminGuard;
import io.lanyard.plugin.admin.AdminPages;
import io.lanyard.plugin.admin.AdminView;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * "Sign-in": {@code settings.xml}'s sign-in and emergency access as they are in force, and the emergency time box
 * ({@link EmergencyTimeBox}): open the product's password form to everyone for some minutes, or close it again.
 */
public final class SignInPages implements AdminPages {

    static final String PATH = "signin";

    private final SettingsService settings;
    private final EmergencyAccessFile emergencyFile;
    private final EmergencyTimeBox timeBox;
    private final AdminView view;
    private final AdminGuard guard;
    private final BasicAuthOffFile basicAuthOff;
    private final AuditSink audit;
    private final Clock clock;

    public SignInPages(SettingsService settings, EmergencyAccessFile emergencyFile, EmergencyTimeBox timeBox,
            AdminView view, AdminGuard guard, AuditSink audit, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.basicAuthOff = new BasicAuthOffFile(settings.file().map(Path::getParent));
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.emergencyFile = Objects.requireNonNull(emergencyFile, "emergencyFile");
        this.timeBox = Objects.requireNonNull(timeBox, "timeBox");
        this.view = Objects.requireNonNull(view, "view");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        boolean post = "POST".equals(request.getMethod());
        String who = guard.username(request).orElse("-");
        if (path.isEmpty() && !post) {
            show(request, response, HttpServletResponse.SC_OK, Map.of());
        } else if (post && path.equals(List.of("open"))) {
            act(request, response, "open", () -> timeBox.open(who, minutes(request.getParameter("minutes"))));
        } else if (post && path.equals(List.of("close"))) {
            act(request, response, "close", () -> timeBox.close(who));
        } else if (post && path.equals(List.of("basic-auth"))) {
            saveBasicAuth(request, response, who);
        } else {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
        }
    }

    /** The Basic-auth form: validated whole by the settings builder; refused, it is shown again with every error. */
    private void saveBasicAuth(HttpServletRequest request, HttpServletResponse response, String who)
            throws IOException {
        BasicAuthForm form = BasicAuthForm.read(request);
        try {
            settings.change(current -> form.applyTo(current.toBuilder()).build());
        } catch (ConfigurationException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, Map.of(), Optional.of(form),
                    e.fieldErrors());
            return;
        } catch (LanyardException e) {
            show(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, Map.of("failure", Map.of("code",
                    e.errorCode().code(), "detail", e.getMessage())));
            return;
        }
        audit.record(AuditEvent.of(AuditEventType.SETTINGS_CHANGED, clock.instant()).actor(who)
                .detail("section", "basic-auth").build());
        view.redirect(request, response, "/" + PATH + "?done=basic-auth");
    }

    private static Integer minutes(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null; // refused by the time box, with its rule
        }
    }

    private void act(HttpServletRequest request, HttpServletResponse response, String step, Runnable action)
            throws IOException {
        try {
            action.run();
        } catch (ConfigurationException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, Map.of("failure", Map.of("code",
                    e.errorCode().code(), "detail", e.fieldErrors().toString())));
            return;
        } catch (LanyardException e) {
            show(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, Map.of("failure", Map.of("code",
                    e.errorCode().code(), "detail", e.getMessage())));
            return;
        }
        view.redirect(request, response, "/" + PATH + "?done=" + step);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> extra)
            throws IOException {
        show(request, response, status, extra, Optional.empty(), List.of());
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> extra,
            Optional<BasicAuthForm> posted, List<FieldError> basicAuthErrors) throws IOException {
        LanyardSettings current = settings.refreshed();
        EmergencyAccess emergency = current.emergencyAccess();
        Map<String, Object> shown = new HashMap<>();
        shown.put("ssoEnforced", current.signIn().ssoEnforced());
        shown.put("loginPage", current.signIn().loginPage().name());
        shown.put("passwordLogin", emergency.passwordLogin().name());
        shown.put("systemAdministrators", emergency.systemAdministrators());
        shown.put("groups", emergency.groups());
        shown.put("openUntil", emergency.openToEveryoneUntil().filter(Instant.now()::isBefore).map(Instant::toString)
                .orElse(""));
        shown.put("fileOpenUntil", emergencyFile.openUntil().filter(Instant.now()::isBefore).map(Instant::toString)
                .orElse(""));
        shown.put("filePath", emergencyFile.path().map(Object::toString).orElse(""));
        shown.put("settingsFile", settings.file().map(Object::toString).orElse(""));
        Map<String, Object> data = new HashMap<>(extra);
        data.put("done", Optional.ofNullable(request.getParameter("done")).filter(d -> d.equals("open")
                || d.equals("close") || d.equals("basic-auth")).orElse(""));
        data.put("settings", shown);
        data.put("basicAuth", posted.orElseGet(() -> BasicAuthForm.of(current.basicAuth()))
                .shown(basicAuthOff, basicAuthErrors));
        view.show(request, response, status, PATH, "signInPage", data);
    }
}
