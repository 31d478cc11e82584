package io.lanyard.plugin.admin.health;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.audit.EventQuery;
import io.lanyard.core.audit.EventStore;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.discovery.ProviderDocuments;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.nodes.NodeReports;
import io.lanyard.plugin.admin.AdminGuard;
import io.lanyard.plugin.admin.AdminPages;
import io.lanyard.plugin.admin.AdminView;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * "Health": per identity provider, the last successful sign-in and the last failure with its code (from the event
 * store, so from every node), the discovery document's and the keys' last fetch on this node (age, failure, whether
 * the copy in the shared home is in use), and the one-click emergency opening (the Sign-in tab's time box) for an
 * outage. Reading only; the opening posts to the Sign-in tab, which audits it.
 */
public final class HealthPages implements AdminPages {

    static final String PATH = "health";
    /** The one-click opening's time box, in minutes. */
    static final int OPEN_MINUTES = 60;
    static final String SUPPORT_ZIP = "support.zip";
    static final String DEBUG = "debug";
    /** How long one click logs a provider's logins in detail. */
    static final int DEBUG_MINUTES = 30;

    private final ConfigurationService configuration;
    private final Optional<EventStore> events;
    private final LoginService logins;
    private final AdminView view;
    private final Clock clock;
    private final SupportZip supportZip;
    private final AdminGuard guard;
    private final AuditSink audit;

    /**
     * @param nodes   the nodes' reports in the shared home, for the support zip
     * @param product the product and its version, for the support zip
     */
    public HealthPages(ConfigurationService configuration, Optional<EventStore> events, LoginService logins,
            AdminView view, Clock clock, Optional<NodeReports> nodes, String product, AdminGuard guard,
            AuditSink audit) {
        this.supportZip = new SupportZip(events, nodes, product);
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.events = Objects.requireNonNull(events, "events");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.view = Objects.requireNonNull(view, "view");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        if ("POST".equals(request.getMethod()) && path.size() == 2 && path.get(0).equals(DEBUG)) {
            debug(request, response, path.get(1));
            return;
        }
        boolean zip = path.equals(List.of(SUPPORT_ZIP));
        if ((!path.isEmpty() && !zip) || !"GET".equals(request.getMethod())) {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
            return;
        }
        Instant now = clock.instant();
        LanyardConfiguration current = configuration.current();
        List<Map<String, Object>> providers = new ArrayList<>();
        for (IdentityProviderConfig provider : current.identityProviders()) {
            providers.add(row(request, provider, now));
        }
        if (zip) {
            AdminGuard.securityHeaders(response, view.layout().contentSecurityPolicy());
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition", "attachment; filename=\"lanyard-support.zip\"");
            response.setHeader("Cache-Control", "no-store");
            supportZip.write(response.getOutputStream(), current, providers, now);
            return;
        }
        Map<String, Object> data = new HashMap<>();
        data.put("providers", providers);
        data.put("openMinutes", String.valueOf(OPEN_MINUTES));
        data.put("now", now.toString());
        view.show(request, response, HttpServletResponse.SC_OK, PATH, "healthPage", data);
    }

    /** Debug logging of one provider's logins for {@link #DEBUG_MINUTES} minutes, or off again. */
    private void debug(HttpServletRequest request, HttpServletResponse response, String providerId)
            throws IOException {
        if (configuration.current().identityProvider(providerId).isEmpty()) {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
            return;
        }
        String before = logins.debug().onUntil(providerId).map(Instant::toString).orElse("off");
        if ("off".equals(request.getParameter("debug"))) {
            logins.debug().switchOff(providerId);
        } else {
            logins.debug().switchOn(providerId, Duration.ofMinutes(DEBUG_MINUTES));
        }
        // debug logging writes more about people's sign-ins: who switched it on, for which provider, until when
        audit.record(AuditEvent.of(AuditEventType.SETTINGS_CHANGED, clock.instant())
                .actor(guard.username(request).orElse("-")).integration(providerId)
                .detail("debugLogging.from", before)
                .detail("debugLogging.to", logins.debug().onUntil(providerId).map(Instant::toString).orElse("off"))
                .build());
        view.redirect(request, response, "/" + PATH);
    }

    private Map<String, Object> row(HttpServletRequest request, IdentityProviderConfig provider, Instant now) {
        Map<String, Object> row = new HashMap<>();
        // "Test sign-in": a single-use ticket only this page hands out, in a link for a new tab
        row.put("testUrl", request.getContextPath() + LanyardPaths.LOGIN + "/" + provider.id() + "?lanyard_test="
                + logins.dryRunTicket(provider.id()));
        row.put("id", provider.id());
        row.put("name", provider.displayName());
        row.put("enabled", provider.enabled());
        Optional<AuditEvent> success = last(provider.id(), AuditEventType.LOGIN_SUCCEEDED);
        row.put("lastSuccess", success.map(e -> e.time() + " " + e.user().orElse("")).orElse(""));
        Optional<AuditEvent> failure = last(provider.id(), AuditEventType.LOGIN_FAILED);
        row.put("lastFailure", failure.map(e -> e.time() + " " + e.user().orElse("")).orElse(""));
        row.put("lastFailureCode", failure.flatMap(AuditEvent::code).map(ErrorCode::code).orElse(""));
        row.put("debugUntil", logins.debug().onUntil(provider.id()).map(Instant::toString).orElse(""));
        row.put("discovery", fetch(provider.discoveryUrl(), now));
        row.put("keys", logins.keysUriOf(provider.id()).map(uri -> fetch(uri, now)).orElse(notYet()));
        return row;
    }

    private Optional<AuditEvent> last(String providerId, AuditEventType type) {
        return events.flatMap(store -> store.recent(EventQuery.all().withIntegration(providerId).withType(type)
                .withLimit(1)).stream().findFirst());
    }

    /** One document's fetch as this node knows it, and the copy in the shared home. */
    private Map<String, Object> fetch(URI url, Instant now) {
        ProviderDocuments documents = logins.providerDocuments();
        Optional<ProviderDocuments.Status> status = documents.status(url);
        Map<String, Object> fetch = new HashMap<>();
        fetch.put("url", url.toString());
        fetch.put("fetchedAt", status.flatMap(ProviderDocuments.Status::fetchedAt).map(Instant::toString).orElse(""));
        fetch.put("age", status.flatMap(s -> s.age(now)).map(HealthPages::age).orElse(""));
        fetch.put("failedAt", status.flatMap(ProviderDocuments.Status::failedAt).map(Instant::toString).orElse(""));
        fetch.put("failure", status.flatMap(ProviderDocuments.Status::failure).map(ErrorCode::code).orElse(""));
        fetch.put("fromCopy", status.map(ProviderDocuments.Status::servedFromCopy).orElse(false));
        fetch.put("copyAt", documents.copyFetchedAt(url).map(Instant::toString).orElse(""));
        fetch.put("clockOffset", status.flatMap(ProviderDocuments.Status::clockOffset)
                .map(offset -> offset.toSeconds() + " s").orElse(""));
        return fetch;
    }

    private static Map<String, Object> notYet() {
        Map<String, Object> fetch = new HashMap<>();
        for (String key : List.of("url", "fetchedAt", "age", "failedAt", "failure", "copyAt", "clockOffset")) {
            fetch.put(key, "");
        }
        fetch.put("fromCopy", false);
        return fetch;
    }

    static String age(Duration age) {
        long minutes = age.toMinutes();
        return minutes < 1 ? age.toSeconds() + " s" : minutes < 120 ? minutes + " min" : age.toHours() + " h";
    }
}
