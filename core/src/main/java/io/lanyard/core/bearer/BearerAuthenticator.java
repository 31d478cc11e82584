package io.lanyard.core.bearer;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.bearer.BearerOutcome.Granted;
import io.lanyard.core.bearer.BearerOutcome.Refused;
import io.lanyard.core.bearer.VerifiedTokenCache.Entry;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.keys.JwksSource;
import io.lanyard.core.keys.KeySource;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.token.AccessTokenValidator;
import io.lanyard.core.token.IntrospectionClient;
import io.lanyard.core.token.TokenRejectedException;
import io.lanyard.core.token.VerifiedAccessToken;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates one REST request by its {@code Authorization: Bearer} token, when the token is Lanyard's: a JWT whose
 * {@code iss} is an enabled token issuer or the issuer of an enabled CI trust policy ({@link CiTokens}), or an opaque
 * token on a path an introspecting issuer names. Everything else
 * (no header, Basic, the products' own tokens, other issuers' JWTs) is {@link BearerOutcome#NOT_OURS} and passes
 * untouched. Thread-safe; holds no state of a request.
 *
 * <p>Decisions are kept per token ({@link VerifiedTokenCache}): a granted token until its {@code exp} (an introspected
 * one no longer than the issuer's cache time), a refused one for {@link #REFUSAL_CACHE_TIME}. What depends on the
 * request (method, source address, token age) is checked on every request, from the cached grant, without
 * allocating. Each decision is audited once, when it is made.
 */
public final class BearerAuthenticator {

    /** How long a refused token (invalid, inactive, not allowed) is answered from memory. */
    public static final Duration REFUSAL_CACHE_TIME = Duration.ofSeconds(10);
    private static final String BEARER_PREFIX = "Bearer ";
    private static final Logger LOG = LoggerFactory.getLogger(BearerAuthenticator.class);

    private final ConfigurationHolder configuration;
    private final ClientSecretResolver secrets;
    private final ProviderHttpClient http;
    private final AccessTokenValidator validator;
    private final IntrospectionClient introspection;
    private final ServiceAccounts serviceAccounts;
    private final UserDirectory users;
    private final AuditSink audit;
    private final Clock clock;
    private final VerifiedTokenCache cache;
    private final ConcurrentHashMap<URI, JwksSource> keys = new ConcurrentHashMap<>();
    private final CiTokens ciTokens;
    /**
     * The per-request refusals already audited, by grant (one per verified token, compared by identity) and rule: one
     * event per token and rule, not one per request. At most {@link VerifiedTokenCache#MAX_ENTRIES} grants, emptied
     * when full and with the cache.
     */
    private final Map<TokenGrant, Set<ErrorCode>> refusalsAudited = new IdentityHashMap<>();
    private volatile LanyardConfiguration decidedUnder;

    public BearerAuthenticator(ConfigurationHolder configuration, ClientSecretResolver secrets, UserDirectory users,
            AccountWrites writes, AuditSink audit, Clock clock, HttpLimits limits) {
        this.configuration = configuration;
        this.secrets = secrets;
        this.http = new ProviderHttpClient(limits);
        this.validator = new AccessTokenValidator(clock);
        this.introspection = new IntrospectionClient(http, clock);
        this.serviceAccounts = new ServiceAccounts(users, writes, audit, clock);
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.cache = new VerifiedTokenCache(clock::millis);
        this.ciTokens = new CiTokens(serviceAccounts, http, this::keysAt, audit, clock);
    }

    /** Whether the header carries a bearer token at all (RFC 6750 §2.1; the scheme is case-insensitive). */
    public static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length());
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @param reader        reads {@code request}; stateless, one for all requests
     */
    public <R> BearerOutcome authenticate(String authorization, R request, BearerRequest<R> reader) {
        if (!isBearer(authorization)) {
            return BearerOutcome.NOT_OURS;
        }
        LanyardConfiguration config = configuration.current();
        if (config != decidedUnder) {
            // Nothing decided under another configuration is reused (a removed client, a changed audience).
            cache.clear();
            synchronized (refusalsAudited) {
                refusalsAudited.clear();
            }
            decidedUnder = config;
        }
        Entry entry = cache.get(authorization);
        if (entry == null) {
            entry = cache.load(authorization, header -> decide(header, request, reader, config));
        }
        return perRequest(entry.outcome(), request, reader);
    }

    /** The decisions held now (tests, the admin page). */
    public int cachedTokens() {
        return cache.size();
    }

    /** How often the keys of {@code jwksUri} were fetched (tests and benchmarks). */
    public long keyFetches(URI jwksUri) {
        JwksSource source = keys.get(jwksUri);
        return source == null ? 0 : source.fetchCount();
    }

    private <R> Entry decide(String header, R request, BearerRequest<R> reader, LanyardConfiguration config) {
        List<TokenIssuerConfig> issuers = config.enabledTokenIssuers();
        String token = header.substring(BEARER_PREFIX.length()).strip();
        boolean ciPolicies = !config.enabledCiTrustPolicies().isEmpty();
        if (token.isEmpty() || issuers.isEmpty() && !ciPolicies) {
            return Entry.once(BearerOutcome.NOT_OURS);
        }
        Optional<String> iss = AccessTokenValidator.unverifiedIssuer(token);
        if (ciPolicies && iss.isPresent()) {
            // A token whose iss is a trust policy's issuer is a CI job token: decided by the policies of that issuer.
            List<CiTrustPolicy> policies = CiTokens.policiesOf(config, iss.get());
            if (!policies.isEmpty()) {
                return ciTokens.decide(token, policies, request, reader);
            }
        }
        if (issuers.isEmpty()) {
            return Entry.once(BearerOutcome.NOT_OURS);
        }
        if (token.length() > AccessTokenValidator.MAX_TOKEN_LENGTH) {
            return token.startsWith("eyJ") && issuers.stream().anyMatch(i -> i.tokenCheck().local())
                    ? Entry.once(new Refused(ErrorCode.BEARER_TOKEN_MALFORMED, "a bearer token of " + token.length()
                    + " characters, above " + AccessTokenValidator.MAX_TOKEN_LENGTH))
                    : Entry.once(BearerOutcome.NOT_OURS);
        }
        Optional<TokenIssuerConfig> named = iss.flatMap(value -> issuers.stream()
                .filter(issuer -> issuer.issuer().equals(value)).findFirst());
        if (iss.isPresent() && named.isEmpty()) {
            return Entry.once(BearerOutcome.NOT_OURS);
        }
        if (named.isEmpty()) {
            if (AccessTokenValidator.looksLikeAsymmetricJwt(token) && issuers.stream().anyMatch(i -> i.tokenCheck().local())) {
                return refusal(Optional.empty(), request, reader, new Refused(ErrorCode.BEARER_TOKEN_MALFORMED,
                        "a signed JWT whose payload cannot be read"));
            }
            if (ProductTokens.isPersonalAccessToken(token)) {
                return Entry.once(BearerOutcome.NOT_OURS);
            }
            String path = reader.path(request);
            named = issuers.stream().filter(issuer -> issuer.introspectsOpaqueTokensOn(path)).findFirst();
            if (named.isEmpty()) {
                return Entry.once(BearerOutcome.NOT_OURS);
            }
        }
        TokenIssuerConfig issuer = named.get();
        boolean local = iss.isPresent() && issuer.tokenCheck().local();
        try {
            VerifiedAccessToken verified = local ? validator.validate(token, issuer, keySource(issuer))
                    : introspection.introspect(token, issuer, introspectionSecret(issuer));
            return grant(issuer, verified, local, request, reader);
        } catch (TokenRejectedException e) {
            return refusal(Optional.of(issuer), request, reader, new Refused(e.errorCode(), e.getMessage()));
        } catch (LanyardException e) {
            Refused refused = new Refused(e.errorCode() == ErrorCode.BEARER_ACCOUNT_UNAVAILABLE
                    ? ErrorCode.BEARER_ACCOUNT_UNAVAILABLE : ErrorCode.INTROSPECTION_FAILED, e.getMessage());
            // The issuer or the host may be back in a moment: an outage is not remembered against the token.
            LOG.warn("Bearer token of token issuer {} not checked: {} {}", issuer.id(), refused.code().code(),
                    e.getMessage());
            return Entry.once(refused);
        }
    }

    private <R> Entry grant(TokenIssuerConfig issuer, VerifiedAccessToken verified, boolean local, R request,
            BearerRequest<R> reader) {
        Optional<ClientMapping> mapping = issuer.mappingFor(verified.clientId());
        String username;
        if (mapping.isPresent()) {
            username = serviceAccounts.ensure(issuer, mapping.get());
        } else {
            Optional<String> delegated = delegatedUser(issuer, verified);
            if (delegated.isEmpty()) {
                return refusal(Optional.of(issuer), request, reader, new Refused(ErrorCode.BEARER_CLIENT_NOT_ALLOWED,
                        "client " + verified.clientId() + " is not on the allow-list of token issuer " + issuer.id()));
            }
            username = delegated.get();
        }
        if (!hasRequiredScopes(issuer, verified.scopes())) {
            return refusal(Optional.of(issuer), request, reader, new Refused(ErrorCode.BEARER_INSUFFICIENT_SCOPE,
                    "the token of client " + verified.clientId() + " lacks " + (issuer.allScopesRequired() ? "all" : "any")
                    + " of the scopes " + issuer.requiredScopes(), issuer.requiredScopes()));
        }
        long expiresAt = verified.expiresAt().toEpochMilli();
        long validUntil = local ? expiresAt
                : Math.min(expiresAt, clock.millis() + issuer.introspectionCacheTime().toMillis());
        TokenGrant grant = new TokenGrant(issuer.id(), verified.clientId(), username, mapping, verified.scopes(),
                expiresAt, verified.issuedAt().map(java.time.Instant::toEpochMilli).orElse(Long.MIN_VALUE),
                issuer.trustedProxies());
        audit.record(AuditEvent.of(AuditEventType.MACHINE_TOKEN_GRANTED, clock.instant()).user(username)
                .integration(issuer.id()).sourceAddress(describedAddress(request, reader, issuer))
                .detail("client", verified.clientId()).detail("scopes", String.join(" ", verified.scopes()))
                .detail("check", local ? "jwt" : "introspection").build());
        return new Entry(new Granted(username, grant), validUntil);
    }

    /** A user-delegated token: the configured claim names an existing, active account (as for logins). */
    private Optional<String> delegatedUser(TokenIssuerConfig issuer, VerifiedAccessToken verified) {
        if (issuer.delegatedUserClaim().isEmpty() || verified.subject().isEmpty()
                || verified.subject().get().equals(verified.clientId())) {
            // A client-credentials token names the client as its subject: it is never taken for a user's.
            return Optional.empty();
        }
        Object value = verified.claims().get(issuer.delegatedUserClaim().get());
        if (!(value instanceof String name) || name.isBlank()) {
            return Optional.empty();
        }
        HostUser user = users.findByUsername(name).orElseThrow(() -> new LanyardException(
                ErrorCode.BEARER_ACCOUNT_UNAVAILABLE, "the token's user " + name + " has no account here"));
        if (!user.active()) {
            throw new LanyardException(ErrorCode.BEARER_ACCOUNT_UNAVAILABLE, "user " + name + " is inactive");
        }
        return Optional.of(user.username());
    }

    /** Whether {@code scopes} hold the issuer's required scopes, all or any as configured (also "Test"'s rule). */
    public static boolean hasRequiredScopes(TokenIssuerConfig issuer, List<String> scopes) {
        List<String> required = issuer.requiredScopes();
        if (required.isEmpty()) {
            return true;
        }
        return issuer.allScopesRequired() ? scopes.containsAll(required) : required.stream().anyMatch(scopes::contains);
    }

    private <R> Entry refusal(Optional<TokenIssuerConfig> issuer, R request, BearerRequest<R> reader,
            Refused refused) {
        AuditEvent.Builder event = AuditEvent.of(AuditEventType.MACHINE_TOKEN_REFUSED, clock.instant())
                .code(refused.code()).sourceAddress(describedAddress(request, reader, issuer.orElse(null)));
        issuer.ifPresent(value -> event.integration(value.id()));
        audit.record(event.build());
        return new Entry(refused, clock.millis() + REFUSAL_CACHE_TIME.toMillis());
    }

    /**
     * The checks that depend on the request, on every request: the token's age, the method, the source address.
     * Allocation-free for a grant without address ranges.
     */
    private <R> BearerOutcome perRequest(BearerOutcome outcome, R request, BearerRequest<R> reader) {
        if (!(outcome instanceof Granted granted)) {
            return outcome;
        }
        TokenGrant grant = granted.grant();
        if (grant.ciPolicy().isPresent()) {
            return ciTokens.perRequest(granted, grant.ciPolicy().get(), request, reader);
        }
        if (grant.mapping().isEmpty()) {
            return outcome;
        }
        ClientMapping mapping = grant.mapping().get();
        if (mapping.maxTokenAge().isPresent()) {
            if (grant.issuedAtMillis() == Long.MIN_VALUE) {
                return auditedOnce(grant, new Refused(ErrorCode.BEARER_TOO_OLD, "the token has no iat, and client "
                        + grant.clientId() + " has a maximum token age"), request, reader);
            }
            if (clock.millis() - grant.issuedAtMillis() > mapping.maxTokenAge().get().toMillis()) {
                return auditedOnce(grant, new Refused(ErrorCode.BEARER_TOO_OLD, "the token is older than the "
                        + "maximum age of client " + grant.clientId()), request, reader);
            }
        }
        if (mapping.readOnly() && !isReadOnly(reader.method(request))) {
            return auditedOnce(grant, new Refused(ErrorCode.BEARER_READ_ONLY, "client " + grant.clientId()
                    + " is read-only"), request, reader);
        }
        if (!mapping.sourceRanges().isEmpty()) {
            Optional<byte[]> address = ClientAddress.of(reader.remoteAddress(request), reader.forwardedFor(request),
                    grant.trustedProxies());
            if (address.isEmpty() || !mapping.allowsAddress(address.get())) {
                return auditedOnce(grant, new Refused(ErrorCode.BEARER_SOURCE_ADDRESS_REFUSED, "client "
                        + grant.clientId() + " may not call from " + address.map(BearerAuthenticator::text)
                        .orElse("an unreadable address")), request, reader);
            }
        }
        return outcome;
    }

    /**
     * A refusal of a verified token by a rule of the request (age, method, address): audited the first time this token
     * breaks this rule, then only answered; a script that retries in a loop leaves one event, not thousands.
     */
    private <R> Refused auditedOnce(TokenGrant grant, Refused refused, R request, BearerRequest<R> reader) {
        boolean first;
        synchronized (refusalsAudited) {
            if (refusalsAudited.size() >= VerifiedTokenCache.MAX_ENTRIES && !refusalsAudited.containsKey(grant)) {
                refusalsAudited.clear();
            }
            first = refusalsAudited.computeIfAbsent(grant, g -> EnumSet.noneOf(ErrorCode.class)).add(refused.code());
        }
        if (first) {
            String remote = reader.remoteAddress(request);
            audit.record(AuditEvent.of(AuditEventType.MACHINE_TOKEN_REFUSED, clock.instant()).code(refused.code())
                    .user(grant.username()).integration(grant.issuerId()).detail("client", grant.clientId())
                    .sourceAddress(ClientAddress.of(remote, reader.forwardedFor(request), grant.trustedProxies())
                            .map(BearerAuthenticator::text).orElse(String.valueOf(remote))).build());
        }
        return refused;
    }

    /** The grants whose per-request refusals are remembered as audited (tests). */
    int grantsWithAuditedRefusals() {
        synchronized (refusalsAudited) {
            return refusalsAudited.size();
        }
    }

    private static boolean isReadOnly(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private KeySource keySource(TokenIssuerConfig issuer) {
        return keysAt(issuer.jwksUri().orElseThrow());
    }

    /** One key source per JWKS URI, shared by token issuers and CI trust policies, each fetch rate-limited. */
    private KeySource keysAt(URI jwksUri) {
        return keys.computeIfAbsent(jwksUri, uri -> new JwksSource(uri, http, clock));
    }

    private Secret introspectionSecret(TokenIssuerConfig issuer) {
        return secrets.resolve(IntegrationKind.TOKEN_ISSUER.secretOwner(issuer.id()).orElseThrow(),
                issuer.clientSecret()).secret().orElseThrow(() -> new LanyardException(ErrorCode.INTROSPECTION_FAILED,
                "token issuer " + issuer.id() + " has no client secret for introspection"));
    }

    private static <R> String describedAddress(R request, BearerRequest<R> reader, TokenIssuerConfig issuer) {
        String remote = reader.remoteAddress(request);
        Optional<byte[]> address = issuer == null ? Optional.empty()
                : ClientAddress.of(remote, reader.forwardedFor(request), issuer.trustedProxies());
        return address.map(BearerAuthenticator::text).orElse(String.valueOf(remote));
    }

    private static String text(byte[] address) {
        return ClientAddress.text(address);
    }
}
