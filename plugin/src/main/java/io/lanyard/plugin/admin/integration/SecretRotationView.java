package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.Integration;
import io.lanyard.core.expiry.CredentialExpiry;
import io.lanyard.core.expiry.ExpiryLevel;
import io.lanyard.core.expiry.ExpiryReport;
import io.lanyard.core.nodes.NodeReport;
import io.lanyard.core.secret.ClientSecrets;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.SecretSlot;
import io.lanyard.core.secret.SecretStatus;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.resolver.ClientSecretRotation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rotation part of the "Client secret" section: the next secret (where it comes from, its fingerprint), which of
 * the two this node uses and which every other node uses (by fingerprint, never a value), when the secret ends, and
 * the state of the rotation checklist. Built from what the resolver, the nodes' reports and the expiry watch say.
 *
 * @param usesSecret      false with {@code private_key_jwt}: no secret is sent, the section says so
 * @param current         the current secret's fingerprint, when there is one
 * @param next            the next secret's status, when one is given on this node
 * @param nextFingerprint its fingerprint
 * @param storedNext      what {@code CLIENT_SECRET_NEXT} holds
 * @param nextNameForId   the per-id {@code _NEXT} name, to copy
 * @param inUse           which slot this node's provider accepted last, if any login or test has run
 * @param inUseAt         when
 * @param nodes           every node's view, from their reports
 * @param expiry          the last expiry check, if any
 * @param expiresOn       the date an administrator entered
 * @param now             when this was looked at
 */
public record SecretRotationView(boolean usesSecret, Optional<String> current, Optional<SecretStatus> next,
        Optional<String> nextFingerprint, StoredSecret.Kind storedNext, String nextNameForId, Optional<SecretSlot> inUse,
        Optional<Instant> inUseAt, List<NodeRow> nodes, Optional<ExpiryReport> expiry, Optional<LocalDate> expiresOn,
        Instant now) {

    /** A report older than this is shown as possibly stale (a node writes one every five minutes while it runs). */
    static final Duration STALE_AFTER = Duration.ofMinutes(30);

    /**
     * One node's secrets, as text for a table row.
     *
     * @param node      its name
     * @param writtenAt when it reported
     * @param current   the current secret's source and fingerprint there
     * @param next      the next secret's, or empty
     * @param inUse     {@code CURRENT}, {@code NEXT} or empty (not used since that node started)
     * @param stale     whether the report is old
     */
    public record NodeRow(String node, String writtenAt, String current, String next, String inUse, boolean stale) {
    }

    static SecretRotationView of(Integration integration, SecretOwner owner, ClientSecretResolver secrets,
            List<NodeReport> reports, Optional<ExpiryReport> expiry, Instant now) {
        return of(owner, integration.clientSecret(), integration.nextClientSecret(),
                integration.clientAuthMethod().usesClientSecret(), integration.clientSecretExpiresOn(), secrets, reports,
                expiry, now);
    }

    /** A new integration's: nothing stored yet, but variables may be set for its id already. */
    static SecretRotationView ofNew(SecretOwner owner, ClientSecretResolver secrets, Instant now) {
        return of(owner, StoredSecret.none(), StoredSecret.none(), true, Optional.empty(), secrets, List.of(),
                Optional.empty(), now);
    }

    private static SecretRotationView of(SecretOwner owner, StoredSecret stored, StoredSecret storedNext,
            boolean usesSecret, Optional<LocalDate> expiresOn, ClientSecretResolver secrets, List<NodeReport> reports,
            Optional<ExpiryReport> expiry, Instant now) {
        ClientSecrets both = secrets.describeBoth(owner, stored, storedNext);
        Optional<ClientSecretRotation.Accepted> accepted = secrets.rotation().accepted(owner);
        Optional<String> currentFingerprint = both.current().fingerprint();
        Optional<String> nextFingerprint = both.next().flatMap(ResolvedSecret::fingerprint);
        List<NodeRow> nodes = new ArrayList<>();
        for (NodeReport report : reports) {
            report.secretOf(owner).ifPresent(use -> nodes.add(new NodeRow(report.nodeId(), report.writtenAt().toString(),
                    describe(use.current()), use.next().map(SecretRotationView::describe).orElse(""),
                    use.accepted().map(a -> slotOf(a.fingerprint(), use)).orElse(""),
                    report.writtenAt().plus(STALE_AFTER).isBefore(now))));
        }
        return new SecretRotationView(usesSecret, currentFingerprint,
                both.next().map(next -> SecretStatus.of(owner, next, ClientSecretResolver.namesInOrder(owner,
                        SecretSlot.NEXT))), nextFingerprint, storedNext.kind(),
                SecretPropertyNames.next(owner.propertyName()),
                accepted.map(a -> a.fingerprint().equals(nextFingerprint.orElse(null)) ? SecretSlot.NEXT
                        : SecretSlot.CURRENT), accepted.map(ClientSecretRotation.Accepted::at), nodes, expiry,
                expiresOn, now);
    }

    private static String describe(NodeReport.Resolution resolution) {
        return resolution.source().name() + resolution.propertyName().map(name -> " " + name).orElse("")
                + resolution.fingerprint().map(fp -> " · " + fp).orElse("")
                + resolution.problemCode().map(code -> " · " + code).orElse("");
    }

    private static String slotOf(String fingerprint, NodeReport.SecretUse use) {
        if (use.next().flatMap(NodeReport.Resolution::fingerprint).filter(fingerprint::equals).isPresent()) {
            return SecretSlot.NEXT.name();
        }
        return use.current().fingerprint().filter(fingerprint::equals).isPresent() ? SecretSlot.CURRENT.name() : "";
    }

    /** Whether "Promote" can do its work here: the file holds the next secret and nothing outside overrides it. */
    boolean canPromote() {
        return storedNext == StoredSecret.Kind.PLAINTEXT && next.map(n -> !n.comesFromOutside()).orElse(false);
    }

    Optional<ExpiryLevel> level() {
        return expiry.map(report -> report.level(now));
    }

    /** The template's values: plain strings, booleans and lists. */
    Map<String, Object> toSoy() {
        Map<String, Object> soy = new HashMap<>();
        soy.put("usesSecret", usesSecret);
        soy.put("currentFingerprint", current.orElse(""));
        soy.put("hasNext", next.isPresent());
        soy.put("nextSource", next.map(n -> n.source().name()).orElse(""));
        soy.put("nextLabelKey", next.map(n -> "lanyard.admin.secret.source." + n.source().name()
                .toLowerCase(Locale.ROOT)).orElse(""));
        soy.put("nextPropertyName", next.flatMap(SecretStatus::propertyName).orElse(""));
        soy.put("nextFingerprint", nextFingerprint.orElse(""));
        soy.put("nextProblemCode", next.flatMap(SecretStatus::problem).map(p -> p.errorCode().code()).orElse(""));
        soy.put("nextProblemMessage", next.flatMap(SecretStatus::problem).map(p -> p.message()).orElse(""));
        soy.put("nextFromOutside", next.map(SecretStatus::comesFromOutside).orElse(false));
        soy.put("storedNext", storedNext.name());
        soy.put("nextNameForId", nextNameForId);
        soy.put("inUse", inUse.map(SecretSlot::name).orElse(""));
        soy.put("inUseAt", inUseAt.map(Instant::toString).orElse(""));
        soy.put("canPromote", canPromote());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NodeRow row : nodes) {
            rows.add(Map.of("node", row.node(), "writtenAt", row.writtenAt(), "current", row.current(),
                    "next", row.next(), "inUse", row.inUse(), "stale", row.stale()));
        }
        soy.put("nodes", rows);
        soy.put("expiresOn", expiresOn.map(LocalDate::toString).orElse(""));
        soy.put("expiry", expiry.map(this::expirySoy).orElse(null));
        return soy;
    }

    private Map<String, Object> expirySoy(ExpiryReport report) {
        Map<String, Object> soy = new HashMap<>();
        ExpiryLevel level = report.level(now);
        Optional<CredentialExpiry> relevant = report.relevant(now);
        soy.put("level", level.name());
        soy.put("code", level.errorCode().map(code -> code.code()).orElse(""));
        soy.put("endsOn", relevant.map(c -> c.endsAt().atZone(ZoneOffset.UTC).toLocalDate().toString()).orElse(""));
        soy.put("daysLeft", relevant.map(c -> Long.toString(Math.max(0, Duration.between(now, c.endsAt()).toDays())))
                .orElse(""));
        soy.put("label", relevant.map(CredentialExpiry::label).orElse(""));
        soy.put("origin", relevant.map(c -> c.origin().name()).orElse(""));
        soy.put("checkedAt", report.checkedAt().toString());
        soy.put("problemCode", report.problem().map(p -> p.code().code()).orElse(""));
        soy.put("problemMessage", report.problem().map(ExpiryReport.Problem::message).orElse(""));
        List<Map<String, Object>> credentials = new ArrayList<>();
        for (CredentialExpiry credential : report.credentials()) {
            credentials.add(Map.of("label", credential.label(), "kind", credential.kind().name(), "use",
                    credential.use().name(), "endsOn", credential.endsAt().atZone(ZoneOffset.UTC).toLocalDate()
                            .toString(), "level", ExpiryLevel.at(now, credential.endsAt()).name()));
        }
        soy.put("credentials", credentials);
        return soy;
    }

    /**
     * For the JSON API: the next secret's source and fingerprint, what each node uses, and the expiry; no value.
     *
     * @param nextSource       where the next secret comes from, or null
     * @param nextFingerprint  its fingerprint, or null
     * @param inUse            {@code CURRENT} or {@code NEXT} on the node that answers, or null
     * @param nodes            every node's view
     * @param expiresOn        the date an administrator entered, or null
     * @param expiryLevel      {@code NONE}, {@code DAYS_30}, {@code DAYS_14}, {@code DAYS_3}, {@code EXPIRED}, or null
     *                         when no check ran yet
     * @param expiryEndsOn     the end of the credential that matters, or null
     * @param expiryProblem    why the end could not be read (a code), or null
     */
    public record Json(String nextSource, String nextFingerprint, String inUse, List<NodeRow> nodes, String expiresOn,
            String expiryLevel, String expiryEndsOn, String expiryProblem) {
    }

    Json toJson() {
        return new Json(next.map(n -> n.source().name()).orElse(null), nextFingerprint.orElse(null),
                inUse.map(SecretSlot::name).orElse(null), nodes, expiresOn.map(LocalDate::toString).orElse(null),
                level().map(ExpiryLevel::name).orElse(null),
                expiry.flatMap(r -> r.relevant(now)).map(c -> c.endsAt().atZone(ZoneOffset.UTC).toLocalDate().toString())
                        .orElse(null),
                expiry.flatMap(ExpiryReport::problem).map(p -> p.code().code()).orElse(null));
    }
}
