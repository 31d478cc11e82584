package io.lanyard.core.expiry;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.AppCredential;
import io.lanyard.core.entra.AppCredentialReader;
import io.lanyard.core.entra.EntraCallException;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.expiry.CredentialExpiry.Kind;
import io.lanyard.core.expiry.CredentialExpiry.Origin;
import io.lanyard.core.expiry.CredentialExpiry.Use;
import io.lanyard.core.expiry.ExpiryReport.Problem;
import io.lanyard.core.secret.ClientSecrets;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.signing.SigningKeys;
import io.lanyard.core.signing.SigningKeys.SigningKeyView;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches when the credentials of every integration end, and says so 30, 14 and 3 days ahead and once they have
 * ended: in the log (once per step, {@code LNY-110}, {@code LNY-111}) and in the admin pages ({@link #last}).
 * No Atlassian product offers plugins a notification to administrators (docs/host-evidence.md: not found), so there
 * is none.
 *
 * <ul>
 *   <li>Entra ID connectors: their app registration's secrets and certificates, read through Microsoft Graph with the
 *       connector itself ({@link AppCredentialReader}).</li>
 *   <li>Identity providers whose issuer is Microsoft Entra ID ({@code https://login.microsoftonline.com/<tenant>/v2.0}
 *       and the national clouds): their app registration, read with a connector of the same tenant
 *       ({@code LNY-114} when there is none).</li>
 *   <li>Any integration: the date an administrator entered ({@code CLIENT_SECRET_EXPIRES_ON}); with
 *       {@code private_key_jwt}, the end of Lanyard's own certificate.</li>
 * </ul>
 * Which of an app's secrets Lanyard uses is told by its first three characters (Graph's {@code hint}); which
 * certificate, by its SHA-1 thumbprint. Thread-safe.
 */
public final class ExpiryMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryMonitor.class);
    private static final Set<String> ENTRA_HOSTS = Set.of("login.microsoftonline.com", "login.microsoftonline.us",
            "login.chinacloudapi.cn", "login.partner.microsoftonline.cn", "sts.windows.net");

    private final Optional<AppCredentialReader> graph;
    private final ClientSecretResolver secrets;
    private final SigningKeys signingKeys;
    private final Clock clock;
    private final ConcurrentMap<SecretOwner, ExpiryReport> reports = new ConcurrentHashMap<>();
    private final ConcurrentMap<SecretOwner, String> logged = new ConcurrentHashMap<>();

    /**
     * @param graph reads app registrations; empty where Microsoft Graph must not be called (then only entered dates
     *              and Lanyard's certificate count)
     */
    public ExpiryMonitor(Optional<AppCredentialReader> graph, ClientSecretResolver secrets, SigningKeys signingKeys,
            Clock clock) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.signingKeys = Objects.requireNonNull(signingKeys, "signingKeys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks every enabled integration that owns a secret now, keeps the reports and logs what changed. */
    public Map<SecretOwner, ExpiryReport> checkAll(LanyardConfiguration configuration) {
        Map<SecretOwner, ExpiryReport> checked = new LinkedHashMap<>();
        for (IntegrationKind<?> kind : IntegrationKind.ALL) {
            for (Integration integration : configuration.all(kind)) {
                if (integration.enabled() && kind.ownsSecret()) {
                    ExpiryReport report = check(integration, configuration);
                    checked.put(report.owner(), report);
                }
            }
        }
        reports.keySet().retainAll(checked.keySet());
        return checked;
    }

    /** Checks one integration now, keeps the report and logs it if it changed. */
    public ExpiryReport check(Integration integration, LanyardConfiguration configuration) {
        SecretOwner owner = IntegrationKind.of(integration).secretOwner(integration.id()).orElseThrow();
        List<CredentialExpiry> credentials = new ArrayList<>();
        Optional<Problem> problem = Optional.empty();
        integration.clientSecretExpiresOn().ifPresent(date -> credentials.add(entered(date)));
        boolean signs = integration.clientAuthMethod() == ClientAuthMethod.PRIVATE_KEY_JWT;
        Optional<EntraConnectorConfig> reader = connectorToReadWith(integration, configuration);
        Optional<String> entraTenant = entraTenant(integration);
        if (reader.isPresent() && graph.isPresent()) {
            try {
                credentials.addAll(fromGraph(integration, owner, reader.get(), signs));
            } catch (EntraCallException e) {
                problem = Optional.of(new Problem(e.code(), e.getMessage()));
            }
        } else if (entraTenant.isPresent() && reader.isEmpty()) {
            problem = Optional.of(new Problem(ErrorCode.ENTRA_PROVIDER_WITHOUT_CONNECTOR, "identity provider "
                    + integration.id() + " signs in with Entra ID tenant " + entraTenant.get() + ", but no enabled Entra "
                    + "ID connector has that tenant id: add one to read when its secrets end, or enter the date"));
        }
        if (signs && reader.isEmpty()) {
            try {
                credentials.addAll(lanyardCertificates());
            } catch (LanyardException e) {
                problem = Optional.of(new Problem(e.errorCode(), e.getMessage()));
            }
        }
        ExpiryReport report = new ExpiryReport(owner, credentials, problem, clock.instant());
        reports.put(owner, report);
        log(integration, report);
        return report;
    }

    /** The last report of {@code owner}, if it was checked since the start. */
    public Optional<ExpiryReport> last(SecretOwner owner) {
        return Optional.ofNullable(reports.get(owner));
    }

    private CredentialExpiry entered(LocalDate date) {
        return new CredentialExpiry(Kind.CLIENT_SECRET, "entered by an administrator", Origin.ENTERED,
                date.atStartOfDay(ZoneOffset.UTC).toInstant(), Use.IN_USE);
    }

    /** A connector reads its own app; an Entra ID provider is read with a connector of its tenant. */
    private Optional<EntraConnectorConfig> connectorToReadWith(Integration integration,
            LanyardConfiguration configuration) {
        if (integration instanceof EntraConnectorConfig connector) {
            return Optional.of(connector);
        }
        return entraTenant(integration).flatMap(tenant -> configuration.all(IntegrationKind.ENTRA_CONNECTOR).stream()
                .filter(EntraConnectorConfig::enabled)
                .filter(connector -> connector.tenantId().equalsIgnoreCase(tenant)).findFirst());
    }

    /** The tenant of an identity provider whose issuer is Entra ID's: its first path segment. */
    static Optional<String> entraTenant(Integration integration) {
        if (!(integration instanceof IdentityProviderConfig provider)) {
            return Optional.empty();
        }
        URI issuer = URI.create(provider.issuer());
        String host = issuer.getHost() == null ? "" : issuer.getHost().toLowerCase(Locale.ROOT);
        String path = issuer.getPath() == null ? "" : issuer.getPath();
        String[] segments = path.split("/");
        return ENTRA_HOSTS.contains(host) && segments.length > 1 && !segments[1].isBlank()
                ? Optional.of(segments[1]) : Optional.empty();
    }

    private static String appId(Integration integration) {
        return integration instanceof EntraConnectorConfig connector ? connector.clientId()
                : ((IdentityProviderConfig) integration).clientId();
    }

    private List<CredentialExpiry> fromGraph(Integration integration, SecretOwner owner, EntraConnectorConfig reader,
            boolean signs) throws EntraCallException {
        List<AppCredential> found = graph.orElseThrow().read(reader, appId(integration));
        ClientSecrets both = secrets.describeBoth(owner, integration.clientSecret(), integration.nextClientSecret());
        Optional<Secret> inUse = secretInUse(owner, both);
        Optional<Secret> next = both.next().flatMap(r -> r.secret()).filter(s -> inUse.map(u -> !u.equals(s)).orElse(true));
        List<SigningKeyView> keys = signs ? signingKeysOrNone() : List.of();
        List<CredentialExpiry> credentials = new ArrayList<>();
        for (AppCredential credential : found) {
            String label = credential.displayName() + credential.identifier()
                    .map(id -> (credential.kind() == AppCredential.Kind.CLIENT_SECRET ? " (starts " : " (thumbprint ")
                            + id + ")").orElse("");
            if (credential.kind() == AppCredential.Kind.CLIENT_SECRET) {
                credentials.add(new CredentialExpiry(Kind.CLIENT_SECRET, label.strip(), Origin.MICROSOFT_GRAPH,
                        credential.endsAt(), signs ? Use.OTHER : secretUse(credential, inUse, next)));
            } else {
                credentials.add(new CredentialExpiry(Kind.CERTIFICATE, label.strip(), Origin.MICROSOFT_GRAPH,
                        credential.endsAt(), signs ? certificateUse(credential, keys) : Use.OTHER));
            }
        }
        return credentials;
    }

    /** The secret the provider accepted last on this node, or else the current one. */
    private Optional<Secret> secretInUse(SecretOwner owner, ClientSecrets both) {
        Optional<String> accepted = secrets.rotation().accepted(owner).map(a -> a.fingerprint());
        return both.candidates(accepted).stream().findFirst().map(ClientSecrets.Candidate::secret);
    }

    private static Use secretUse(AppCredential credential, Optional<Secret> inUse, Optional<Secret> next) {
        if (credential.identifier().isEmpty()) {
            return Use.UNKNOWN;
        }
        String hint = credential.identifier().get();
        if (inUse.filter(secret -> secret.startsWith(hint)).isPresent()) {
            return Use.IN_USE;
        }
        return next.filter(secret -> secret.startsWith(hint)).isPresent() ? Use.NEXT : Use.OTHER;
    }

    private static Use certificateUse(AppCredential credential, List<SigningKeyView> keys) {
        for (SigningKeyView key : keys) {
            if (credential.identifier().filter(key.sha1Thumbprint()::equalsIgnoreCase).isPresent()) {
                return key.state().equals("ACTIVE") ? Use.IN_USE : key.state().equals("PUBLISHED") ? Use.NEXT
                        : Use.OTHER;
            }
        }
        return credential.identifier().isEmpty() ? Use.UNKNOWN : Use.OTHER;
    }

    private List<SigningKeyView> signingKeysOrNone() {
        try {
            return signingKeys.describe();
        } catch (LanyardException e) {
            return List.of();
        }
    }

    /** Lanyard's active and next certificates, for providers that take them as they are (not read from Graph). */
    private List<CredentialExpiry> lanyardCertificates() {
        List<CredentialExpiry> certificates = new ArrayList<>();
        for (SigningKeyView key : signingKeys.describe()) {
            if (!key.state().equals("RETIRED")) {
                certificates.add(new CredentialExpiry(Kind.CERTIFICATE, "Lanyard's signing key " + key.keyId()
                        + " (thumbprint " + key.sha1Thumbprint() + ")", Origin.LANYARD_CERTIFICATE, key.notAfter(),
                        key.state().equals("ACTIVE") ? Use.IN_USE : Use.NEXT));
            }
        }
        return certificates;
    }

    /** Once per change of level or problem: the administrator has something to do, and the log says what. */
    private void log(Integration integration, ExpiryReport report) {
        Instant now = clock.instant();
        ExpiryLevel level = report.level(now);
        String outcome = level + report.problem().map(p -> " " + p.code()).orElse("");
        if (outcome.equals(logged.put(report.owner(), outcome))) {
            return;
        }
        report.problem().ifPresent(problem -> LOG.warn("{} When the credentials of {} ({}) end cannot be read: {}",
                problem.code().code(), report.owner(), integration.displayName(), problem.message()));
        if (!level.warns()) {
            return;
        }
        CredentialExpiry relevant = report.relevant(now).orElseThrow();
        LocalDate day = relevant.endsAt().atZone(ZoneOffset.UTC).toLocalDate();
        boolean certificate = relevant.kind() == Kind.CERTIFICATE;
        String what = certificate ? "certificate" : "client secret";
        String todo = certificate ? "rotate Lanyard's signing key (README: \"Signing instead of a secret\")"
                : "create a new secret at the provider and give it to Lanyard as the next secret (README: \"Rotating "
                        + "secrets without downtime\")";
        if (level == ExpiryLevel.EXPIRED) {
            LOG.error("{} The {} of {} ({}), {}, ended on {}: logins that use it fail. Now {}",
                    level.errorCode().orElseThrow().code(), what, report.owner(), integration.displayName(),
                    relevant.label(), day, todo);
        } else {
            LOG.warn("{} The {} of {} ({}), {}, ends on {}, in {} day(s). Before then, {}",
                    level.errorCode().orElseThrow().code(), what, report.owner(), integration.displayName(),
                    relevant.label(), day, Duration.between(now, relevant.endsAt()).toDays(), todo);
        }
    }
}
