package io.lanyard.core.login;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.discovery.ProviderMetadata;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LogText;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.ClusterState;
import io.lanyard.core.session.LanyardSession;
import io.lanyard.core.session.SessionRevocations;
import io.lanyard.core.token.LogoutTokenValidator;
import io.lanyard.core.token.ValidatedLogoutToken;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three ways a session Lanyard started ends with the provider's knowledge, servlet-free:
 * <ul>
 *   <li>RP-Initiated Logout 1.0: after the product's own logout, the browser goes to the provider's
 *       {@code end_session_endpoint} ({@link #endSessionRedirect}) and comes back to {@link LanyardPaths#POST_LOGOUT}
 *       with its {@code state};</li>
 *   <li>Back-Channel Logout 1.0: a provider posts a logout token ({@link #backChannelLogout});</li>
 *   <li>Front-Channel Logout 1.0: a provider's logout page frames Lanyard's endpoint ({@link #frontChannelLogout}).</li>
 * </ul>
 * The last two end the product sessions they name on every node of the cluster: the revocation goes to every node
 * ({@link SessionRevocations}), and each node's revocation check ends the sessions it holds at their next request.
 * Thread-safe; holds no state of a logout.
 */
public final class LogoutService {

    /** The cluster's set of logout token ids already used (Back-Channel Logout 1.0 §2.6 step 8). */
    static final String LOGOUT_TOKEN_IDS = "lanyard-logout-jti";
    private static final Logger LOG = LoggerFactory.getLogger(LogoutService.class);

    private final LoginService logins;
    private final ClusterState cluster;
    private final SessionRevocations revocations;
    private final LogoutTokenValidator logoutTokens;
    private final AuditSink audit;
    private final Clock clock;

    private LogoutService(LoginService logins, ClusterState cluster, SessionRevocations revocations, AuditSink audit) {
        this.logins = Objects.requireNonNull(logins, "logins");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = logins.clock();
        this.logoutTokens = new LogoutTokenValidator(clock);
    }

    /** Logouts of the providers {@code logins} signs in with, sharing their metadata and keys. */
    public static LogoutService create(LoginService logins, ClusterState cluster, SessionRevocations revocations,
            AuditSink audit) {
        return new LogoutService(logins, cluster, revocations, audit);
    }

    /**
     * Back-Channel Logout 1.0 §2.5 to §2.7: validates the logout token a provider posted to its endpoint and ends, on
     * every node, the sessions it names: those of its {@code sid}, else every session of its {@code sub}.
     *
     * @throws LanyardException {@code IDP_UNKNOWN}, {@code LOGOUT_CHANNEL_DISABLED}, a {@code LOGOUT_TOKEN_*} code,
     *                          or {@code CLUSTER_UNAVAILABLE}
     */
    public ValidatedLogoutToken backChannelLogout(String identityProviderId, String rawLogoutToken) {
        if (rawLogoutToken == null || rawLogoutToken.isBlank()) {
            throw new LoginFailedException(ErrorCode.LOGOUT_TOKEN_MISSING, "no logout_token in the request");
        }
        ProviderRuntime runtime = runtimeOf(identityProviderId);
        IdentityProviderConfig config = runtime.config();
        requireChannel(config, config.logout().backChannel(), "back-channel");
        ProviderRuntime.Current provider = runtime.current();
        ValidatedLogoutToken token = logoutTokens.validate(rawLogoutToken, config, runtime.hmacKey(),
                provider.keys());
        // Step 8: a jti used before, on any node, is a replay. Asked last, so that a token that fails another rule
        // cannot use up the id of a real one.
        if (!cluster.firstUse(LOGOUT_TOKEN_IDS, token.issuer() + '\u0000' + token.tokenId(),
                token.expiresAt().plus(config.clockSkew()))) {
            throw new LoginFailedException(ErrorCode.LOGOUT_TOKEN_REPLAYED, "logout token jti "
                    + LogText.quoted(token.tokenId()) + " of " + config.id() + " was received before");
        }
        // §2.7: with a sid, the sessions of that provider session; with only a sub, every session of the person.
        if (token.sessionId().isPresent()) {
            revocations.revokeSession(token.issuer(), token.sessionId().get());
        } else {
            revocations.revokeSubject(token.issuer(), token.subject().orElseThrow());
        }
        LOG.info("Back-channel logout from identity provider {}: ended the sessions of {} on every node", config.id(),
                token.sessionId().isPresent() ? "its session (sid)" : "sub " + LogText.quoted(token.subject().get()));
        record("back-channel", config, token.subject());
        return token;
    }

    /**
     * Front-Channel Logout 1.0 §2 and §3: the provider's logout page frames this with {@code iss} and {@code sid}
     * (Microsoft Entra ID sends no {@code iss}: the provider's own URL names the issuer); ends, on every node, the
     * sessions of that provider session.
     *
     * @param issuer    {@code iss} as received, if any: it must be the provider's
     * @param sessionId {@code sid} as received
     * @throws LanyardException {@code IDP_UNKNOWN}, {@code LOGOUT_CHANNEL_DISABLED}, {@code LOGOUT_REQUEST_INVALID}
     */
    public void frontChannelLogout(String identityProviderId, Optional<String> issuer, Optional<String> sessionId) {
        IdentityProviderConfig config = runtimeOf(identityProviderId).config();
        requireChannel(config, config.logout().frontChannel(), "front-channel");
        // §3: "If the iss parameter is present, the RP MUST verify that it matches the issuer of the OP".
        if (issuer.isPresent() && !issuer.get().equals(config.issuer())) {
            throw new LoginFailedException(ErrorCode.LOGOUT_REQUEST_INVALID, "front-channel logout for "
                    + config.id() + " names iss " + LogText.quoted(issuer.get()) + ", not the provider's");
        }
        String sid = sessionId.filter(value -> !value.isBlank()).orElseThrow(() -> new LoginFailedException(
                ErrorCode.LOGOUT_REQUEST_INVALID, "front-channel logout for " + config.id() + " without sid"));
        revocations.revokeSession(config.issuer(), sid);
        LOG.info("Front-channel logout from identity provider {}: ended the sessions of its session on every node",
                config.id());
        record("front-channel", config, Optional.empty());
    }

    /**
     * RP-Initiated Logout 1.0 §2: where the browser goes after the product's own logout, when the provider of this
     * session is configured to log out "also at the provider" and announces an {@code end_session_endpoint}.
     *
     * @param state the value the browser must bring back to {@link LanyardPaths#POST_LOGOUT}
     * @return empty for a local logout (configured so, or the provider offers none: logged with
     *         {@code END_SESSION_UNAVAILABLE})
     */
    public Optional<URI> endSessionRedirect(LanyardSession session, String state) {
        ProviderRuntime runtime = logins.logoutRuntimeOf(session.identityProviderId());
        if (runtime == null || runtime.config().logout().mode() != LogoutSettings.LogoutMode.ALSO_AT_PROVIDER) {
            return Optional.empty();
        }
        IdentityProviderConfig config = runtime.config();
        Optional<URI> endpoint;
        try {
            endpoint = runtime.metadata().endSessionEndpoint();
        } catch (LanyardException e) {
            LOG.warn("{} logout at identity provider {} skipped: its metadata cannot be read ({} {}); the product's "
                    + "session ended", ErrorCode.END_SESSION_UNAVAILABLE.code(), config.id(), e.errorCode().code(),
                    e.getMessage());
            return Optional.empty();
        }
        if (endpoint.isEmpty()) {
            LOG.warn("{} logout at identity provider {} skipped: it announces no end_session_endpoint; the product's "
                    + "session ended", ErrorCode.END_SESSION_UNAVAILABLE.code(), config.id());
            return Optional.empty();
        }
        // §2: id_token_hint names the session to end; client_id lets the provider check post_logout_redirect_uri
        // (registered there) even when it no longer knows the token; state comes back with the browser.
        return Optional.of(new LogoutRequest(endpoint.get(), idTokenHint(session), null,
                new ClientID(config.clientId()), postLogoutRedirectUri(), new State(state), null).toURI());
    }

    /** The {@code post_logout_redirect_uri} to register at every provider. */
    public URI postLogoutRedirectUri() {
        return URI.create(logins.baseUrl().baseUrl() + LanyardPaths.POST_LOGOUT);
    }

    /** Where a browser that came back from this provider's logout goes; the logged-out page for an unknown one. */
    public LogoutSettings.AfterLogout afterLogout(String identityProviderId) {
        return logins.logoutRuntimeOf(identityProviderId) == null ? LogoutSettings.AfterLogout.LOGGED_OUT_PAGE
                : logins.logoutRuntimeOf(identityProviderId).config().logout().afterLogout();
    }

    /**
     * The origins that may frame this provider's front-channel endpoint: its issuer's and, when known, its
     * authorization endpoint's (its logout page is usually there).
     */
    public Set<String> frameAncestors(String identityProviderId) {
        ProviderRuntime runtime = logins.logoutRuntimeOf(identityProviderId);
        Set<String> origins = new LinkedHashSet<>();
        if (runtime == null) {
            return origins;
        }
        origins.add(origin(URI.create(runtime.config().issuer())));
        try {
            origins.add(origin(runtime.metadata().authorizationEndpoint()));
        } catch (LanyardException e) {
            // the issuer's origin alone
        }
        return origins;
    }

    private static JWT idTokenHint(LanyardSession session) {
        try {
            return JWTParser.parse(session.idToken());
        } catch (ParseException e) {
            return null; // client_id alone then identifies the client (RP-Initiated Logout 1.0 §2)
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private ProviderRuntime runtimeOf(String identityProviderId) {
        ProviderRuntime runtime = logins.logoutRuntimeOf(identityProviderId == null ? "" : identityProviderId);
        if (runtime == null) {
            throw new LoginFailedException(ErrorCode.IDP_UNKNOWN, "logout for no identity provider with "
                    + (IntegrationKind.IDENTITY_PROVIDER.isWellFormedId(identityProviderId)
                            ? "id " + identityProviderId : "such an id (not a well-formed id)"));
        }
        return runtime;
    }

    private static void requireChannel(IdentityProviderConfig config, boolean enabled, String channel) {
        if (!enabled) {
            throw new LoginFailedException(ErrorCode.LOGOUT_CHANNEL_DISABLED, channel + " logout is switched off for "
                    + "identity provider " + config.id());
        }
    }

    private void record(String channel, IdentityProviderConfig config, Optional<String> subject) {
        AuditEvent.Builder event = AuditEvent.of(AuditEventType.LOGOUT, clock.instant()).integration(config.id())
                .detail("channel", channel);
        subject.ifPresent(sub -> event.detail("subject", sub));
        audit.record(event.build());
    }
}
