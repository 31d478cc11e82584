package io.lanyard.core.login;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ClientAssertionAudience;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.discovery.ProviderDocuments;
import io.lanyard.core.discovery.ProviderMetadata;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LogText;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.entra.GraphUserGroups;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.AccountDirectories;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.host.GroupWrites;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.SeenLoginStates;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.provisioning.AccountProvisioning;
import io.lanyard.core.provisioning.GroupPlan;
import io.lanyard.core.provisioning.LoginIdentity;
import io.lanyard.core.provisioning.OverageGroups;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.session.LanyardSession;
import io.lanyard.core.signin.AccountOwnership;
import io.lanyard.core.signing.SigningKeys;
import io.lanyard.core.token.ClientCredential;
import io.lanyard.core.token.IdTokenExpectations;
import io.lanyard.core.token.IdTokenValidator;
import io.lanyard.core.token.TokenClient;
import io.lanyard.core.token.TokenResult;
import io.lanyard.core.token.UserInfoClient;
import io.lanyard.core.token.ValidatedIdToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenID Connect authorization code flow (OIDC Core 1.0 §3.1) with PKCE (RFC 7636), servlet-free.
 * The servlet edge turns requests into values, calls {@link #startLogin} and {@link #completeLogin}, and
 * turns the results into redirects, a host session or an error page. Thread-safe; holds no per-login state.
 */
public final class LoginService {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);
    /** How long a person may take at the identity provider before the login is refused as expired. */
    public static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(10);

    private final ConfigurationHolder configuration;
    private final ClientSecretResolver secrets;
    private final SigningKeys signingKeys;
    private final ProviderRuntimes runtimes;
    private final ProviderDocuments documents;
    private final ProviderDebug debug;
    private final DryRuns dryRuns;
    /** The host's accounts as they are, for a dry run's "does the account exist" (which creates nothing). */
    private final UserDirectory users;
    private final AccountProvisioning accounts;
    private final BaseUrl baseUrl;
    private final Clock clock;
    private final TokenClient tokens;
    private final UserInfoClient userInfo;
    private final IdTokenValidator idTokens;
    private final SeenLoginStates seenStates;
    private final AccountOwnership ownership;

    private LoginService(Builder builder) {
        ProviderHttpClient http = new ProviderHttpClient(builder.limits);
        this.configuration = builder.configuration;
        this.secrets = builder.secrets;
        this.signingKeys = builder.signingKeys;
        this.documents = builder.documents == null ? ProviderDocuments.inMemory(builder.clock) : builder.documents;
        this.runtimes = new ProviderRuntimes(builder.secrets, http, builder.clock, documents);
        this.debug = new ProviderDebug(builder.clock);
        this.dryRuns = new DryRuns(builder.clock, LOGIN_TIMEOUT);
        this.users = builder.users;
        OverageGroups overage = new OverageGroups(configuration::current, builder.secrets,
                new GraphUserGroups(http, builder.entraEndpoints, builder.clock), builder.clock);
        this.accounts = new AccountProvisioning(builder.users, builder.accountWrites, builder.groupWrites,
                Optional.of(overage), builder.audit, builder.clock);
        this.baseUrl = builder.baseUrl;
        this.clock = builder.clock;
        this.tokens = new TokenClient(http);
        this.userInfo = new UserInfoClient(http);
        this.idTokens = new IdTokenValidator(clock);
        this.seenStates = builder.seenStates != null ? builder.seenStates : new InMemorySeenLoginStates(builder.clock);
        this.ownership = new AccountOwnership(builder.directories);
    }

    /**
     * A login service that finds accounts and never writes to the host (no just-in-time creation, no group sync);
     * without signing keys: providers with {@code private_key_jwt} fail with {@code SIGNING_KEY_UNUSABLE}.
     */
    public static LoginService create(ConfigurationHolder configuration, ClientSecretResolver secrets,
            UserDirectory users, BaseUrl baseUrl, Clock clock) {
        return builder(configuration, secrets, users, baseUrl, clock).build();
    }

    /** As {@link #create(ConfigurationHolder, ClientSecretResolver, UserDirectory, BaseUrl, Clock)}, within limits. */
    public static LoginService create(ConfigurationHolder configuration, ClientSecretResolver secrets,
            UserDirectory users, BaseUrl baseUrl, Clock clock, HttpLimits limits) {
        return builder(configuration, secrets, users, baseUrl, clock).limits(limits).build();
    }

    /**
     * @param signingKeys Lanyard's own keys, for providers that authenticate it with {@code private_key_jwt}
     */
    public static LoginService create(ConfigurationHolder configuration, ClientSecretResolver secrets,
            SigningKeys signingKeys, UserDirectory users, BaseUrl baseUrl, Clock clock, HttpLimits limits) {
        return builder(configuration, secrets, users, baseUrl, clock).signingKeys(signingKeys).limits(limits).build();
    }

    /** @param seenStates where the states of the logins that came back are remembered (single use) */
    public static LoginService create(ConfigurationHolder configuration, ClientSecretResolver secrets,
            UserDirectory users, BaseUrl baseUrl, Clock clock, HttpLimits limits, SeenLoginStates seenStates) {
        return builder(configuration, secrets, users, baseUrl, clock).limits(limits).seenStates(seenStates).build();
    }

    /**
     * @param signingKeys Lanyard's own keys, for providers that authenticate it with {@code private_key_jwt}
     * @param seenStates  where the states of the logins that came back are remembered (single use)
     */
    public static LoginService create(ConfigurationHolder configuration, ClientSecretResolver secrets,
            SigningKeys signingKeys, UserDirectory users, BaseUrl baseUrl, Clock clock, HttpLimits limits,
            SeenLoginStates seenStates) {
        return builder(configuration, secrets, users, baseUrl, clock).signingKeys(signingKeys).limits(limits)
                .seenStates(seenStates).build();
    }

    /**
     * @param directories which user directory an account is in, for providers restricted to one directory
     */
    public static LoginService create(ConfigurationHolder configuration, ClientSecretResolver secrets,
            SigningKeys signingKeys, UserDirectory users, BaseUrl baseUrl, Clock clock, HttpLimits limits,
            SeenLoginStates seenStates, AccountDirectories directories) {
        return builder(configuration, secrets, users, baseUrl, clock).signingKeys(signingKeys).limits(limits)
                .seenStates(seenStates).directories(directories).build();
    }

    /** A login service with what the host offers besides reading users: account and group writes, audit, Graph. */
    public static Builder builder(ConfigurationHolder configuration, ClientSecretResolver secrets, UserDirectory users,
            BaseUrl baseUrl, Clock clock) {
        return new Builder(configuration, secrets, users, baseUrl, clock);
    }

    /** What a {@link LoginService} is made of; without writes, a login never changes the host's users or groups. */
    public static final class Builder {
        private static final String NO_WRITES = "this host has no adapter for writing users and groups";

        private final ConfigurationHolder configuration;
        private final ClientSecretResolver secrets;
        private final UserDirectory users;
        private final BaseUrl baseUrl;
        private final Clock clock;
        private HttpLimits limits = HttpLimits.DEFAULT;
        private SigningKeys signingKeys = SigningKeys.unavailable("no signing keys were given");
        private AccountWrites accountWrites = AccountWrites.unavailable(NO_WRITES);
        private GroupWrites groupWrites = GroupWrites.unavailable(NO_WRITES);
        private AuditSink audit = AuditSink.none();
        private ProviderDocuments documents;
        private EntraEndpoints entraEndpoints = EntraEndpoints.NATIONAL_CLOUDS;
        private SeenLoginStates seenStates;
        private AccountDirectories directories = AccountDirectories.unknown();

        private Builder(ConfigurationHolder configuration, ClientSecretResolver secrets, UserDirectory users,
                BaseUrl baseUrl, Clock clock) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            this.users = Objects.requireNonNull(users, "users");
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** Bounds of every call to a provider, Entra ID and Microsoft Graph. */
        public Builder limits(HttpLimits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** Lanyard's own keys, for providers that authenticate it with {@code private_key_jwt}. */
        public Builder signingKeys(SigningKeys value) {
            this.signingKeys = Objects.requireNonNull(value, "signingKeys");
            return this;
        }

        /** The host's account and group writes, for just-in-time creation and group sync. */
        public Builder writes(AccountWrites accounts, GroupWrites groups) {
            this.accountWrites = Objects.requireNonNull(accounts, "accounts");
            this.groupWrites = Objects.requireNonNull(groups, "groups");
            return this;
        }

        /** Where the accounts and memberships a login changes are reported. */
        /** Where providers' documents and keys are kept besides memory (the shared home), and their fetches' status. */
        public Builder providerDocuments(ProviderDocuments value) {
            this.documents = Objects.requireNonNull(value, "documents");
            return this;
        }

        public Builder audit(AuditSink value) {
            this.audit = Objects.requireNonNull(value, "audit");
            return this;
        }

        /** Where Entra ID and Graph are reached for group overage (a product: Microsoft's; the sandbox: a stand-in). */
        public Builder entraEndpoints(EntraEndpoints value) {
            this.entraEndpoints = Objects.requireNonNull(value, "entraEndpoints");
            return this;
        }

        /** Where the states of the logins that came back are remembered (single use); default: in this node's memory. */
        public Builder seenStates(SeenLoginStates value) {
            this.seenStates = Objects.requireNonNull(value, "seenStates");
            return this;
        }

        /** Which user directory an account is in, for providers restricted to one directory (a host that cannot say
         * refuses such logins with {@code ACCOUNT_DIRECTORY_UNKNOWN}). */
        public Builder directories(AccountDirectories value) {
            this.directories = Objects.requireNonNull(value, "directories");
            return this;
        }

        public LoginService build() {
            return new LoginService(this);
        }
    }

    /**
     * Starts a login at one provider.
     *
     * @param identityProviderId the provider chosen
     * @param requestedReturn    where the user wanted to go (a host path or URL, untrusted; may be null)
     * @throws LoginFailedException e.g. {@code IDP_UNKNOWN}, {@code IDP_DISABLED}, {@code CLIENT_SECRET_MISSING},
     *         {@code DISCOVERY_UNREACHABLE}
     */
    public LoginRedirect startLogin(String identityProviderId, String requestedReturn) {
        return startLogin(identityProviderId, requestedReturn, LoginOptions.none());
    }

    /**
     * Starts a login at one provider, with what else is known: an e-mail address typed on the chooser, or that this is
     * the re-authentication of the person signed in.
     *
     * @see #startLogin(String, String)
     */
    public LoginRedirect startLogin(String identityProviderId, String requestedReturn, LoginOptions options) {
        return startLogin(identityProviderId, requestedReturn, false, options);
    }

    /**
     * Starts a login at one provider, silently when {@code silent}: with {@code prompt=none} (OIDC Core §3.1.2.1), so
     * that a person whose session at the provider is alive gets a new session here without seeing the provider, and a
     * person it would have to ask comes back with {@code login_required} (then {@link #completeLogin} throws
     * {@link SilentLoginNeedsInteraction} and the edge starts the normal login).
     */
    public LoginRedirect startLogin(String identityProviderId, String requestedReturn, boolean silent) {
        return startLogin(identityProviderId, requestedReturn, silent, LoginOptions.none());
    }

    private LoginRedirect startLogin(String identityProviderId, String requestedReturn, boolean silent,
            LoginOptions options) {
        ProviderRuntime runtime = runtimeOf(identityProviderId);
        IdentityProviderConfig config = runtime.config();
        runtime.requireCredential(signingKeys); // refuse before sending anyone to a provider we could not finish with
        ProviderMetadata metadata = runtime.metadata();
        URI redirectUri = redirectUri(config.id());
        // RFC 6749 §10.12, OIDC Core §3.1.2.1, RFC 7636 §4.1: fresh, unguessable values for every login.
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(config.scopes().toArray(String[]::new)), new ClientID(config.clientId()), redirectUri)
                .endpointURI(metadata.authorizationEndpoint())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        config.maxAuthenticationAge().ifPresent(age -> request.maxAge((int) age.toSeconds()));
        if (silent) {
            request.prompt(Prompt.Type.NONE);
        }
        if (!config.acrValues().isEmpty()) {
            request.acrValues(config.acrValues().stream().map(ACR::new).toList());
        }
        // OIDC Core §3.1.2.1: the address the person typed saves them typing it again at the provider.
        options.loginHint().ifPresent(request::loginHint);
        options.domainHint().filter(hint -> isEntraId(metadata.issuer()))
                .ifPresent(hint -> request.customParameter("domain_hint", hint));
        if (options.reauthenticationOf().isPresent()) {
            // OIDC Core §3.1.2.1: prompt=login asks the provider to authenticate the person again, max_age=0 to say
            // when (auth_time), which the callback then requires to be now.
            request.prompt(new Prompt(Prompt.Type.LOGIN)).maxAge(0);
        }
        PendingLogin pending = new PendingLogin(config.id(), metadata.issuer(), state.getValue(), nonce.getValue(),
                verifier.getValue(), redirectUri, ReturnPathPolicy.sanitize(requestedReturn, baseUrl.baseUrl()),
                clock.instant().plus(LOGIN_TIMEOUT), silent, options.reauthenticationOf());
        URI authorization = request.build().toURI();
        debug.step(config.id(), "discovery", "issuer " + metadata.issuer() + ", authorization endpoint "
                + metadata.authorizationEndpoint() + ", token endpoint " + metadata.tokenEndpoint() + ", keys "
                + metadata.jwksUri());
        debug.step(config.id(), "authorization request", authorization.toString());
        return new LoginRedirect(pending, authorization);
    }

    /**
     * Completes a login: checks the response, exchanges the code, validates the ID token, reads userinfo when
     * configured, and maps the identity to a host account.
     *
     * @param callbackIdentityProviderId the provider id in the callback URL the browser came back to
     * @param pending                    the pending login the browser brought back for the response's {@code state}
     * @param response                   the parameters of the callback
     * @throws LoginFailedException with the code of the first rule the response broke
     */
    public LoginSuccess completeLogin(String callbackIdentityProviderId, PendingLogin pending,
            AuthorizationResponse response) {
        String id = pending.identityProviderId();
        debug.step(id, "callback", response.toString());
        try {
            LoginSuccess success = completeLoginSteps(callbackIdentityProviderId, pending, response);
            debug.step(id, "account", success.user().username() + (success.reauthentication()
                    ? " (re-authentication)" : "") + ", return to " + success.returnPath());
            return success;
        } catch (LanyardException failure) {
            debug.step(id, "failed", failure.errorCode() + ": " + failure.getMessage());
            throw failure;
        }
    }

    private LoginSuccess completeLoginSteps(String callbackIdentityProviderId, PendingLogin pending,
            AuthorizationResponse response) {
        checkBinding(callbackIdentityProviderId, pending, response);
        checkFirstUse(pending);
        ProviderRuntime runtime = runtimeOf(pending.identityProviderId());
        ProviderRuntime.Current provider = runtime.current();
        ProviderMetadata metadata = provider.metadata();
        checkResponseIssuer(pending, response, metadata);
        String code = requireCode(response);
        runtime.requireCredential(signingKeys);
        IdentityProviderConfig config = runtime.config();
        Exchanged exchanged = exchange(runtime, metadata, code, pending);
        TokenResult tokenResult = exchanged.tokens();
        IdTokenExpectations expected = expectations(config, pending, exchanged.secret());
        debug.step(config.id(), "token response", "ID token " + tokenResult.idToken() + ", access token "
                + tokenResult.accessToken().map(token -> "received").orElse("none"));
        ValidatedIdToken idToken = idTokens.validate(tokenResult.idToken(), expected, provider.keys());
        debug.step(config.id(), "ID token", "every check passed (signature, issuer, audience, azp, expiry, issued at, "
                + "nonce, auth_time and acr where asked); claims " + idToken.claims().getClaims());
        Map<String, Object> claims;
        HostUser user;
        try {
            claims = claimsFor(config, provider, tokenResult, idToken, expected);
            user = accounts.accountFor(new LoginIdentity(config, idToken.claims().getIssuer(), idToken.subject(),
                    claims, runtime.usernameMapper(), runtime.groupRules()));
            ownership.check(config, user, configuration.current().identityProviders());
        } catch (LanyardException failure) {
            throw failure.attemptedBy(attemptedUser(runtime, idToken));
        }
        if (pending.reauthenticationOf().isPresent()) {
            requireSamePerson(pending.reauthenticationOf().get(), user, config);
            LOG.info("{} re-authenticated at identity provider {} ({})", user.username(), config.id(),
                    config.displayName());
            return new LoginSuccess(user, config.id(), idToken.subject(), pending.returnPath(), idToken.raw(), claims,
                    hostSession(config, idToken), true);
        }
        LOG.info("{} logged in through identity provider {} ({})", user.username(), config.id(), config.displayName());
        return new LoginSuccess(user, config.id(), idToken.subject(), pending.returnPath(), idToken.raw(), claims,
                hostSession(config, idToken));
    }

    /** For the audit trail: the username the ID token's claims map to, else its subject. */
    private static String attemptedUser(ProviderRuntime runtime, ValidatedIdToken idToken) {
        try {
            return runtime.usernameMapper().username(idToken.claims().getClaims());
        } catch (RuntimeException unmapped) {
            return idToken.subject();
        }
    }

    /**
     * What the host session keeps of this login. Front-Channel Logout 1.0 §3 and Back-Channel Logout 1.0 §2.1: a
     * provider that supports session logout puts its session's id in the ID token's {@code sid}.
     */
    private LanyardSession hostSession(IdentityProviderConfig config, ValidatedIdToken idToken) {
        Object sid = idToken.claims().getClaim("sid");
        Instant now = clock.instant();
        return LanyardSession.of(config.id(), config.issuer(), idToken.subject(),
                sid instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty(), now,
                config.logout().sessionLifetime().map(now::plus), idToken.raw());
    }

    /** The same providers' metadata, keys and secrets, for the logout flows ({@link LogoutService}). */
    ProviderRuntime logoutRuntimeOf(String identityProviderId) {
        return configuration.refreshed().identityProvider(identityProviderId).map(runtimes::forConfig).orElse(null);
    }

    BaseUrl baseUrl() {
        return baseUrl;
    }

    /** The providers' documents and keys as fetched (or used from the shared home), for the health view. */
    public ProviderDocuments providerDocuments() {
        return documents;
    }

    /**
     * A single-use ticket for a "Test sign-in" of this provider, which the admin page puts in its link: only a page an
     * administrator opened can start one.
     */
    public String dryRunTicket(String identityProviderId) {
        return dryRuns.ticket(identityProviderId);
    }

    /**
     * Starts a "Test sign-in": the provider's normal authorization request, whose callback {@link #completeDryRun}
     * answers with a report instead of a login.
     *
     * @throws LoginFailedException {@code ADMIN_NOT_FOUND} for a ticket that is unknown, used, expired or another
     *         provider's; otherwise as {@link #startLogin(String, String)}
     */
    public LoginRedirect startDryRun(String identityProviderId, String ticket) {
        if (!dryRuns.redeem(ticket, identityProviderId)) {
            throw new LoginFailedException(ErrorCode.ADMIN_NOT_FOUND, "no test sign-in ticket for this provider "
                    + "(used, expired after " + LOGIN_TIMEOUT.toMinutes() + " minutes, or from another node)");
        }
        LoginRedirect redirect = startLogin(identityProviderId, "/", false, LoginOptions.none());
        dryRuns.started(redirect.pendingLogin().state());
        return redirect;
    }

    /** Whether the callback with this {@code state} ends a "Test sign-in" of this node. */
    public boolean isDryRun(String state) {
        return dryRuns.isDryRun(state);
    }

    /**
     * Runs each step of the login on the provider's answer and reports it, applying nothing: no session, no account,
     * no group. Each step runs only if the one before passed.
     */
    public DryRunReport completeDryRun(String callbackIdentityProviderId, PendingLogin pending,
            AuthorizationResponse response) {
        dryRuns.finish(pending.state());
        DryRunReport.Builder report = new DryRunReport.Builder(pending.identityProviderId());
        try {
            dryRunSteps(callbackIdentityProviderId, pending, response, report);
        } catch (DryRunStop stopped) {
            // the failed step is in the report; the rest did not run
        }
        return report.build();
    }

    /** Ends a dry run after the failed step it recorded. */
    private static final class DryRunStop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DryRunStop() {
            super(null, null, false, false);
        }
    }

    private static <T> T step(DryRunReport.Builder report, String name, java.util.function.Supplier<T> action,
            java.util.function.Function<T, String> describe) {
        T result;
        try {
            result = action.get();
        } catch (LanyardException failure) {
            report.failed(name, failure.errorCode().code() + " " + failure.errorCode().name() + ": "
                    + ProviderDebug.redact(LogText.oneLine(failure.getMessage())));
            throw new DryRunStop();
        }
        report.passed(name, ProviderDebug.redact(describe.apply(result)));
        return result;
    }

    private void dryRunSteps(String callbackIdentityProviderId, PendingLogin pending, AuthorizationResponse response,
            DryRunReport.Builder report) {
        ProviderRuntime runtime = step(report, "configuration", () -> runtimeOf(pending.identityProviderId()),
                r -> r.config().displayName() + " (" + r.config().id() + ")");
        IdentityProviderConfig config = runtime.config();
        ProviderMetadata metadata = step(report, "discovery", runtime::metadata, m -> "issuer " + m.issuer()
                + ", token endpoint " + m.tokenEndpoint() + (documents.status(config.discoveryUrl())
                .map(ProviderDocuments.Status::servedFromCopy).orElse(false) ? " (the copy in the shared home: the "
                + "provider cannot be reached)" : ""));
        ProviderRuntime.Current provider = step(report, "keys", runtime::current,
                c -> c.keys().currentKeys().size() + " usable key(s) at " + c.keys().jwksUri() + ": "
                        + String.join("; ", c.keys().currentKeys().describe()));
        String code = step(report, "authorization response", () -> {
            checkBinding(callbackIdentityProviderId, pending, response);
            checkResponseIssuer(pending, response, metadata);
            return requireCode(response);
        }, c -> "state matches this browser's test, issuer " + response.issuer().orElse("not sent")
                + ", an authorization code came");
        Exchanged exchanged = step(report, "token exchange", () -> exchange(runtime, metadata, code, pending),
                e -> "ID token received" + e.tokens().accessToken().map(token -> ", access token received")
                        .orElse(", no access token"));
        IdTokenExpectations expected = expectations(config, pending, exchanged.secret());
        ValidatedIdToken idToken = step(report, "ID token", () -> idTokens.validate(exchanged.tokens().idToken(),
                expected, provider.keys()), t -> "every check passed: signature with an allowed algorithm and a key "
                + "of the provider, typ, iss, aud and azp, exp, iat, nbf, nonce of this test, auth_time and acr as "
                + "configured, the claims' types");
        Map<String, Object> claims = step(report, "claims", () -> claimsFor(config, provider, exchanged.tokens(),
                idToken, expected), c -> c.size() + " claims");
        Map<String, Object> shown = new java.util.LinkedHashMap<>(claims);
        shown.computeIfPresent("nonce", (name, value) -> "(matches this test's: checked, not shown)");
        report.claims(shown);
        String username = step(report, "username", () -> runtime.usernameMapper().username(claims), u -> u);
        report.fact("username", username);
        Optional<HostUser> account = users.findByUsername(username);
        report.fact("account", account.map(user -> "exists" + (user.active() ? "" : ", deactivated (LNY-504)"))
                .orElse("does not exist"));
        report.fact("just-in-time", account.isPresent() ? "not needed"
                : config.provisioning().accounts().create() ? "would create it (nothing created by this test)"
                : "off: the login would fail with LNY-502");
        report.fact("group sync", groupSyncWouldDo(runtime, idToken, claims, account));
        Instant now = clock.instant();
        Optional.ofNullable(idToken.claims().getIssueTime()).ifPresent(iat -> report.fact("clock (iat)",
                Duration.between(iat.toInstant(), now).toSeconds() + " s between the token's iat and this server"));
        documents.status(config.discoveryUrl()).flatMap(ProviderDocuments.Status::clockOffset).ifPresent(offset ->
                report.fact("clock (Date header)", offset.toSeconds() + " s provider ahead of this server"));
    }

    /** The dry run's group diff: what the login's sync would add and remove, computed and applied nowhere. */
    private String groupSyncWouldDo(ProviderRuntime runtime, ValidatedIdToken idToken, Map<String, Object> claims,
            Optional<HostUser> account) {
        try {
            return accounts.groupPlanFor(new LoginIdentity(runtime.config(), idToken.claims().getIssuer(),
                    idToken.subject(), claims, runtime.usernameMapper(), runtime.groupRules()), account)
                    .map(LoginService::wouldDo).orElse("off");
        } catch (LanyardException failure) {
            return "the login would fail with " + failure.errorCode() + ": "
                    + ProviderDebug.redact(LogText.oneLine(failure.getMessage()));
        }
    }

    private static String wouldDo(GroupPlan plan) {
        if (plan.isEmpty()) {
            return "no change (" + plan.unchanged() + " managed membership(s) already as the provider says)";
        }
        return "would add " + changes(plan.additions()) + "; would remove " + changes(plan.removals())
                + "; unchanged " + plan.unchanged() + " (nothing applied by this test)";
    }

    private static String changes(List<GroupPlan.Change> changes) {
        return changes.isEmpty() ? "none" : changes.stream().map(change -> change.group() + " (" + change.rule() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Debug logging of a provider's logins for a while (the admin page Health switches it on). */
    public ProviderDebug debug() {
        return debug;
    }

    /** The jwks_uri of the provider whose keys this node holds, if it has read its metadata yet; never fetches. */
    public Optional<URI> keysUriOf(String identityProviderId) {
        return configuration.current().identityProvider(identityProviderId).map(runtimes::forConfig)
                .flatMap(ProviderRuntime::keysUri);
    }

    Clock clock() {
        return clock;
    }

    /** What the token endpoint gave, and the client secret it accepted (HS* ID tokens are signed with it). */
    private record Exchanged(TokenResult tokens, Optional<Secret> secret) {
    }

    /**
     * OIDC Core §3.1.3.1 and §9: exchanges the code, authenticating as the provider's configuration says. With a
     * client secret, the one the provider accepted last is sent; if the provider answers {@code invalid_client} and
     * a second secret is given (a rotation under way), that one is tried once ({@code ClientSecretRotation}).
     */
    private Exchanged exchange(ProviderRuntime runtime, ProviderMetadata metadata, String code, PendingLogin pending) {
        IdentityProviderConfig config = runtime.config();
        if (!config.clientAuthMethod().usesClientSecret()) {
            // RFC 7523 §3 rule 3, OIDC Core §9: the audience is the token endpoint, or the issuer where it wants that.
            URI audience = config.clientAssertionAudience() == ClientAssertionAudience.ISSUER
                    ? URI.create(metadata.issuer()) : metadata.tokenEndpoint();
            return new ClientCredential.SignedAssertion(signingKeys, audience).authenticate(config.clientId(),
                    LoginFailedException.class, credential -> new Exchanged(tokens.exchange(new TokenClient.CodeExchange(
                            metadata.tokenEndpoint(), config.clientId(), credential, code, pending.redirectUri(),
                            pending.codeVerifier())), Optional.empty()),
                    refusal -> refusal.errorCode() == ErrorCode.CLIENT_ASSERTION_REFUSED);
        }
        return secrets.rotation().authenticate(runtime.clientSecrets(), LoginFailedException.class,
                candidate -> new Exchanged(tokens.exchange(new TokenClient.CodeExchange(metadata.tokenEndpoint(),
                        config.clientId(), new ClientCredential.SharedSecret(candidate.secret(), config.clientAuthMethod()),
                        code, pending.redirectUri(), pending.codeVerifier())), Optional.of(candidate.secret())),
                refusal -> refusal.errorCode() == ErrorCode.CLIENT_AUTHENTICATION_FAILED,
                (first, second) -> new LoginFailedException(ErrorCode.CLIENT_SECRETS_BOTH_REFUSED, "identity provider "
                        + config.id() + " refused both its current and its next client secret: " + second.getMessage(),
                        second.providerError().orElse(null)));
    }

    /**
     * The provider's rules, and for a re-authentication OIDC Core §3.1.3.7 step 13 with the max_age of 0 that was sent:
     * auth_time must be present and no older than the clock skew, i.e. the person signed in again just now.
     */
    private static IdTokenExpectations expectations(IdentityProviderConfig config, PendingLogin pending,
            Optional<Secret> secret) {
        IdTokenExpectations expected = IdTokenExpectations.of(config, pending.nonce(), secret);
        if (pending.reauthenticationOf().isEmpty()) {
            return expected;
        }
        return new IdTokenExpectations(expected.issuer(), expected.clientId(), expected.trustedAudiences(),
                expected.nonce(), expected.allowedAlgorithms(), expected.clockSkew(), Optional.of(Duration.ZERO),
                expected.acrValues(), expected.clientSecret());
    }

    /** A re-authentication must come back as the person who asked for it (usernames compare as the products do). */
    private static void requireSamePerson(String signedIn, HostUser user, IdentityProviderConfig config) {
        if (!signedIn.toLowerCase(Locale.ROOT).equals(user.username().toLowerCase(Locale.ROOT))) {
            throw new LoginFailedException(ErrorCode.REAUTHENTICATION_USER_MISMATCH, "the re-authentication of "
                    + signedIn + " at identity provider " + config.id() + " came back as " + user.username());
        }
    }

    /** Microsoft Entra ID's issuers live on its national clouds' sign-in authorities; only they take domain_hint. */
    static boolean isEntraId(String issuer) {
        URI uri = URI.create(issuer);
        for (NationalCloud cloud : NationalCloud.values()) {
            if (cloud.authority().getHost().equalsIgnoreCase(uri.getHost())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The provider a callback URL names must be configured here and enabled. The edge asks this first, before it
     * looks for the login the browser started, so that an old bookmark of a deleted provider's callback says what
     * is wrong ({@code IDP_UNKNOWN}) instead of "not started in this browser" ({@code STATE_UNKNOWN}).
     *
     * @throws LoginFailedException {@code IDP_UNKNOWN} or {@code IDP_DISABLED}
     */
    public void checkCallbackProvider(String callbackIdentityProviderId) {
        enabledProvider(callbackIdentityProviderId);
    }

    /** The redirect URI of a provider: fixed per provider, registered exactly so at the provider. */
    public URI redirectUri(String identityProviderId) {
        return URI.create(baseUrl.baseUrl() + LanyardPaths.callbackPath(identityProviderId));
    }

    private ProviderRuntime runtimeOf(String identityProviderId) {
        return runtimes.forConfig(enabledProvider(identityProviderId));
    }

    private IdentityProviderConfig enabledProvider(String identityProviderId) {
        // The id comes from a URL: it is named in the log only when it has the shape of an id.
        IdentityProviderConfig config = configuration.refreshed().identityProvider(identityProviderId)
                .orElseThrow(() -> new LoginFailedException(ErrorCode.IDP_UNKNOWN, "no identity provider with "
                        + (IntegrationKind.IDENTITY_PROVIDER.isWellFormedId(identityProviderId)
                                ? "id " + identityProviderId : "such an id (not a well-formed id)")));
        if (!config.enabled()) {
            throw new LoginFailedException(ErrorCode.IDP_DISABLED, "identity provider " + config.id() + " is disabled");
        }
        return config;
    }

    /** The response must come back to the same provider's callback, in time, with this login's state. */
    private void checkBinding(String callbackIdentityProviderId, PendingLogin pending, AuthorizationResponse response) {
        // Mix-up defence (RFC 9700 §4.4.2): each provider has its own redirect URI.
        if (!pending.identityProviderId().equals(callbackIdentityProviderId)) {
            throw new LoginFailedException(ErrorCode.CALLBACK_IDP_MISMATCH, "login was sent to identity provider "
                    + pending.identityProviderId() + " but came back to the callback of " + callbackIdentityProviderId);
        }
        // RFC 6749 §10.12: the state returned must be the one this browser's login sent.
        String state = response.state().orElseThrow(() ->
                new LoginFailedException(ErrorCode.STATE_MISSING, "authorization response has no state"));
        if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new LoginFailedException(ErrorCode.STATE_UNKNOWN, "state does not belong to this login");
        }
        if (pending.isExpired(clock.instant())) {
            throw new LoginFailedException(ErrorCode.LOGIN_EXPIRED, "login started more than "
                    + LOGIN_TIMEOUT.toMinutes() + " minutes ago expired at " + pending.expiresAt());
        }
    }

    /**
     * RFC 6749 §10.12, RFC 9700 §4.7: a pending login is used once. The browser carries it, so it could bring it back
     * twice (a replayed callback with a copied cookie); the state of every login that came back is remembered until
     * the login expires.
     */
    private void checkFirstUse(PendingLogin pending) {
        if (!seenStates.firstUse(pending.state(), pending.expiresAt())) {
            throw new LoginFailedException(ErrorCode.STATE_UNKNOWN, "this login came back before: a replayed callback");
        }
    }

    /** RFC 9207 §2.4, checked before the response is used, error responses included. */
    private static void checkResponseIssuer(PendingLogin pending, AuthorizationResponse response, ProviderMetadata metadata) {
        Optional<String> issuer = response.issuer();
        if (issuer.isPresent() && !issuer.get().equals(pending.expectedIssuer())) {
            throw new LoginFailedException(ErrorCode.RESPONSE_ISSUER_MISMATCH, "authorization response iss "
                    + LogText.quoted(issuer.get()) + " is not the issuer \"" + pending.expectedIssuer()
                    + "\" the login was sent to");
        }
        if (issuer.isEmpty() && metadata.issuerParameterSupported()) {
            throw new LoginFailedException(ErrorCode.RESPONSE_ISSUER_MISSING, "authorization response has no iss although "
                    + "the provider announces authorization_response_iss_parameter_supported");
        }
        // OIDC Core §3.1.2.6: to prompt=none the provider answers login_required (and the like) when it would have to
        // ask the person; a silent renewal then becomes the normal login.
        if (pending.silent() && response.error().filter(SilentLoginNeedsInteraction.ERRORS::contains).isPresent()) {
            throw new SilentLoginNeedsInteraction(pending, response.error().get());
        }
        // RFC 6749 §4.1.2.1: the provider said no. Shown with its error code; its error_uri is never followed.
        if (response.error().isPresent()) {
            throw new LoginFailedException(ErrorCode.IDP_ERROR_RESPONSE, "identity provider " + pending.identityProviderId()
                    + " answered error=" + LogText.quoted(response.error().get()), response.error().get());
        }
    }

    private static String requireCode(AuthorizationResponse response) {
        return response.code().orElseThrow(() ->
                new LoginFailedException(ErrorCode.AUTHORIZATION_CODE_MISSING, "authorization response has no code"));
    }

    /** The ID token's claims, overlaid with userinfo's when configured (its sub was checked to be the same). */
    private Map<String, Object> claimsFor(IdentityProviderConfig config, ProviderRuntime.Current provider,
            TokenResult tokenResult, ValidatedIdToken idToken, IdTokenExpectations expected) {
        Map<String, Object> claims = new HashMap<>(idToken.claims().getClaims());
        if (config.useUserInfo()) {
            URI endpoint = provider.metadata().userInfoEndpoint().orElseThrow(() -> new LoginFailedException(
                    ErrorCode.DISCOVERY_INVALID, "userinfo is configured but the provider announces no userinfo_endpoint"));
            String accessToken = tokenResult.accessToken().orElseThrow(() -> new LoginFailedException(
                    ErrorCode.TOKEN_RESPONSE_INVALID, "userinfo is configured but the token response has no access_token"));
            claims.putAll(userInfo.fetch(endpoint, accessToken, idToken, expected, provider.keys()));
        }
        return claims;
    }
}
