package io.lanyard.core.bearer;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.bearer.BearerOutcome.Granted;
import io.lanyard.core.bearer.BearerOutcome.Refused;
import io.lanyard.core.bearer.VerifiedTokenCache.Entry;
import io.lanyard.core.ci.CiPolicyMatcher;
import io.lanyard.core.ci.CiPolicyMatcher.Mismatch;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.CiTrustPolicyBuilder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.keys.KeySource;
import io.lanyard.core.token.CiTokenValidator;
import io.lanyard.core.token.CiTokenValidator.VerifiedCiToken;
import io.lanyard.core.token.TokenRejectedException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CI job tokens on the bearer path (issue 17): a token whose {@code iss} is the issuer of an enabled
 * {@link CiTrustPolicy} is Lanyard's. It is verified once (signature with the CI's keys, lifetime), matched against
 * that issuer's policies in order (audience, every claim condition: the first that holds grants), and its grant's
 * restrictions are checked on every request ({@link #perRequest}). Every decision is audited once, with the policy
 * and the job's repository, branch and job identifiers. Thread-safe; no state of a request.
 */
final class CiTokens {

    private static final Logger LOG = LoggerFactory.getLogger(CiTokens.class);

    private final CiTokenValidator validator;
    private final ServiceAccounts serviceAccounts;
    private final CiKeys keys;
    private final AuditSink audit;
    private final Clock clock;

    CiTokens(ServiceAccounts serviceAccounts, ProviderHttpClient http, Function<URI, KeySource> keysAt,
            AuditSink audit, Clock clock) {
        this.validator = new CiTokenValidator(clock);
        this.serviceAccounts = serviceAccounts;
        this.keys = new CiKeys(http, keysAt, clock);
        this.audit = audit;
        this.clock = clock;
    }

    /** The enabled policies for tokens of {@code iss}, in order; empty: the token is not a CI token of ours. */
    static List<CiTrustPolicy> policiesOf(LanyardConfiguration config, String iss) {
        List<CiTrustPolicy> all = config.enabledCiTrustPolicies();
        if (all.isEmpty()) {
            return List.of();
        }
        return all.stream().filter(policy -> policy.issuer().equals(iss)).toList();
    }

    /** The decision for a CI token of {@code policies}' issuer: granted until its {@code exp}, or refused. */
    <R> Entry decide(String token, List<CiTrustPolicy> policies, R request, BearerRequest<R> reader) {
        String address = String.valueOf(reader.remoteAddress(request));
        VerifiedCiToken verified;
        try {
            verified = validator.validate(token, keys.of(policies.get(0)));
        } catch (TokenRejectedException e) {
            return refusal(policies.get(0), Optional.empty(), address, new Refused(e.errorCode(), e.getMessage()));
        } catch (LanyardException e) {
            // The CI may be back in a moment: an outage is not remembered against the token.
            LOG.warn("CI token of issuer {} not checked: {} {}", policies.get(0).issuer(), e.errorCode().code(),
                    e.getMessage());
            return Entry.once(new Refused(ErrorCode.CI_KEYS_UNAVAILABLE, e.getMessage()));
        }
        List<String> reasons = new ArrayList<>();
        Mismatch first = null;
        for (CiTrustPolicy policy : policies) {
            Optional<Mismatch> mismatch = CiPolicyMatcher.firstMismatch(policy, verified.claims());
            if (mismatch.isEmpty()) {
                return grant(policy, verified, address);
            }
            first = first == null ? mismatch.get() : first;
            reasons.add("policy " + policy.id() + ": " + mismatch.get().description());
        }
        CiTrustPolicy reported = policies.get(0);
        return refusal(reported, Optional.of(verified), address, new Refused(first.code(),
                "CI token matches no trust policy of " + reported.issuer() + " (" + String.join("; ", reasons) + ")"));
    }

    private Entry grant(CiTrustPolicy policy, VerifiedCiToken verified, String address) {
        String username;
        try {
            username = serviceAccounts.ensure(new ServiceAccounts.Owner(policy.id(), policy.serviceAccountDirectory(),
                    "CI " + policy.ciProvider().label()), policy.account());
        } catch (LanyardException e) {
            LOG.warn("CI trust policy {}: {}", policy.id(), e.getMessage());
            return Entry.once(new Refused(ErrorCode.CI_ACCOUNT_UNAVAILABLE, e.getMessage()));
        }
        long expiresAt = verified.expiresAt().toEpochMilli();
        TokenGrant grant = new TokenGrant(policy.id(), "ci:" + policy.id(), username, Optional.empty(), List.of(),
                expiresAt, verified.issuedAt().toEpochMilli(), List.of(), Optional.of(policy));
        AuditEvent.Builder event = AuditEvent.of(AuditEventType.MACHINE_TOKEN_GRANTED, clock.instant()).user(username)
                .integration(policy.id()).sourceAddress(address).detail("check", "ci")
                .detail("ci", policy.ciProvider().name());
        jobDetails(policy, verified, event);
        audit.record(event.build());
        return new Entry(new Granted(username, grant), expiresAt);
    }

    private Entry refusal(CiTrustPolicy policy, Optional<VerifiedCiToken> verified, String address, Refused refused) {
        AuditEvent.Builder event = AuditEvent.of(AuditEventType.MACHINE_TOKEN_REFUSED, clock.instant())
                .code(refused.code()).integration(policy.id()).sourceAddress(address).detail("check", "ci");
        verified.ifPresent(token -> jobDetails(policy, token, event));
        audit.record(event.build());
        return new Entry(refused, clock.millis() + BearerAuthenticator.REFUSAL_CACHE_TIME.toMillis());
    }

    /** The repository, branch and job identifiers the CI puts in its tokens, as far as they are there. */
    private static void jobDetails(CiTrustPolicy policy, VerifiedCiToken verified, AuditEvent.Builder event) {
        for (String claim : policy.ciProvider().auditClaims()) {
            Object value = verified.claims().get(claim);
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                event.detail(claim, String.valueOf(value));
            }
        }
    }

    /**
     * The checks of a CI grant that depend on the request, on every request: token age, method, path. Allocates only
     * to refuse.
     */
    <R> BearerOutcome perRequest(Granted granted, CiTrustPolicy policy, R request, BearerRequest<R> reader) {
        TokenGrant grant = granted.grant();
        if (policy.maxTokenAge().isPresent()
                && clock.millis() - grant.issuedAtMillis() > policy.maxTokenAge().get().toMillis()) {
            return new Refused(ErrorCode.CI_TOKEN_TOO_OLD, "the CI token is older than the maximum age of trust "
                    + "policy " + policy.id());
        }
        if (policy.readOnly() && !isSafeMethod(reader.method(request))) {
            return new Refused(ErrorCode.CI_READ_ONLY, "trust policy " + policy.id() + " is read-only");
        }
        if (!policy.pathPrefixes().isEmpty()) {
            String path = reader.path(request);
            if (!allowsPath(policy.pathPrefixes(), path)) {
                return new Refused(ErrorCode.CI_PATH_NOT_ALLOWED, "trust policy " + policy.id() + " does not allow "
                        + "this path");
            }
        }
        return granted;
    }

    /** RFC 9110 §9.2.1: the safe methods. */
    static boolean isSafeMethod(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /**
     * Whether {@code path} (the container's servlet path and path info) lies under one of {@code prefixes}: whole
     * segments only ({@code /rest/api/2/issue} allows {@code /rest/api/2/issue/X-1}, not {@code /rest/api/2/issues}),
     * and a path that is not in normal form (dot segments, {@code //}, {@code ;}, {@code %}, {@code \}) never.
     */
    static boolean allowsPath(List<String> prefixes, String path) {
        if (path == null || !CiTrustPolicyBuilder.isNormalPath(path)) {
            return false;
        }
        for (String prefix : prefixes) {
            if (path.startsWith(prefix) && (prefix.endsWith("/") || path.length() == prefix.length()
                    || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }
}
