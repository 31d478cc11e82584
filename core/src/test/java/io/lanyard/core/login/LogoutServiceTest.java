package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.openid.connect.sdk.LogoutRequest;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.cluster.LocalClusterState;
import io.lanyard.core.config.LogoutSettings.LogoutMode;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.session.LanyardSession;
import io.lanyard.core.session.SessionRevocations;
import io.lanyard.core.testing.FakeProvider;
import io.lanyard.core.testing.TestIdTokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The logout flows against a provider over real HTTP: back-channel tokens end the sessions they name on every node
 * (two nodes share one cluster state here), once per jti; front-channel requests likewise; RP-initiated logout sends
 * the browser to the provider's end_session_endpoint.
 */
class LogoutServiceTest {

    private final FakeProviderLogins logins = new FakeProviderLogins();
    private final LocalClusterState cluster = new LocalClusterState(logins.clock);
    private final List<AuditEvent> audited = new ArrayList<>();
    private final SessionRevocations nodeOne = SessionRevocations.of(cluster, logins.clock);
    private final SessionRevocations nodeTwo = SessionRevocations.of(cluster, logins.clock);
    private final LogoutService logouts = LogoutService.create(logins.service, cluster, nodeTwo, audited::add);

    @AfterEach
    void close() {
        logins.close();
    }

    private LanyardSession logIn(String subject, String sid) {
        logins.provider.idTokenCustomizer = token -> token.claim("sid", sid);
        return logins.logIn(subject).session();
    }

    private String logoutToken(String subject, String sid) {
        TestIdTokens token = TestIdTokens.logoutTokenAt(logins.clock.instant()).claim("iss", logins.provider.issuer())
                .claim("aud", List.of(FakeProvider.CLIENT_ID)).claim("sub", subject);
        return (sid == null ? token.without("sid") : token.claim("sid", sid)).sign();
    }

    @Test
    void loginWhenIdTokenHasSidThenTheHostSessionKnowsItsProviderSession() {
        logins.reconfigure(provider -> {
            provider.logout().sessionLifetime(Duration.ofHours(8));
            return provider;
        });
        LanyardSession session = logIn("alice", "sid-1");

        assertThat(session.sessionId()).contains("sid-1");
        assertThat(session.issuer()).isEqualTo(logins.provider.issuer());
        assertThat(session.lifetimeOver(logins.clock.instant().plus(Duration.ofHours(8)).toEpochMilli() - 1)).isFalse();
        assertThat(session.lifetimeOver(logins.clock.instant().plus(Duration.ofHours(8)).toEpochMilli())).isTrue();
        assertThat(session.toString()).doesNotContain(session.idToken());
    }

    @Test
    void backChannelLogoutWithSidThenThatSessionEndsOnEveryNodeAndNoOther() {
        LanyardSession alice = logIn("alice", "sid-1");
        LanyardSession aliceElsewhere = logIn("alice", "sid-2");
        logins.clock.advance(Duration.ofSeconds(1));

        logouts.backChannelLogout(FakeProviderLogins.IDP, logoutToken("alice", "sid-1"));

        assertThat(nodeOne.isRevoked(alice)).isTrue();
        assertThat(nodeTwo.isRevoked(alice)).isTrue();
        assertThat(nodeOne.isRevoked(aliceElsewhere)).isFalse();
        assertThat(audited).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.LOGOUT);
            assertThat(event.details()).containsEntry("channel", "back-channel");
        });
    }

    @Test
    void backChannelLogoutWithOnlySubThenEverySessionOfThePersonEndsButLaterLoginsStay() {
        LanyardSession first = logIn("alice", "sid-1");
        LanyardSession second = logIn("alice", "sid-2");
        LanyardSession bob = logIn("bob", "sid-3");
        logins.clock.advance(Duration.ofSeconds(1));

        logouts.backChannelLogout(FakeProviderLogins.IDP, logoutToken("alice", null));
        logins.clock.advance(Duration.ofSeconds(1));
        LanyardSession afterwards = logIn("alice", "sid-4");

        assertThat(nodeOne.isRevoked(first)).isTrue();
        assertThat(nodeOne.isRevoked(second)).isTrue();
        assertThat(nodeOne.isRevoked(bob)).isFalse();
        assertThat(nodeOne.isRevoked(afterwards)).isFalse();
    }

    @Test
    void backChannelLogoutWhenJtiWasSeenOnAnotherNodeThenReplayed() {
        String token = logoutToken("alice", "sid-1");
        logouts.backChannelLogout(FakeProviderLogins.IDP, token);
        LogoutService otherNode = LogoutService.create(logins.service, cluster, nodeOne, audited::add);

        assertFails(() -> otherNode.backChannelLogout(FakeProviderLogins.IDP, token), ErrorCode.LOGOUT_TOKEN_REPLAYED);
    }

    @Test
    void backChannelLogoutWhenTokenInvalidThenItsJtiIsNotUsedUp() {
        TestIdTokens valid = TestIdTokens.logoutTokenAt(logins.clock.instant()).claim("iss", logins.provider.issuer())
                .claim("aud", List.of(FakeProvider.CLIENT_ID)).claim("jti", "jti-x");
        assertFails(() -> logouts.backChannelLogout(FakeProviderLogins.IDP, valid.claim("nonce", "n").sign()),
                ErrorCode.LOGOUT_TOKEN_NONCE_PRESENT);

        logouts.backChannelLogout(FakeProviderLogins.IDP, valid.without("nonce").sign());
    }

    @Test
    void backChannelLogoutWhenSwitchedOffThenChannelDisabled() {
        logins.reconfigure(provider -> {
            provider.logout().backChannel(false);
            return provider;
        });
        assertFails(() -> logouts.backChannelLogout(FakeProviderLogins.IDP, logoutToken("alice", "sid-1")),
                ErrorCode.LOGOUT_CHANNEL_DISABLED);
    }

    @Test
    void backChannelLogoutWhenNoTokenOrUnknownProviderThenRefused() {
        assertFails(() -> logouts.backChannelLogout(FakeProviderLogins.IDP, null), ErrorCode.LOGOUT_TOKEN_MISSING);
        assertFails(() -> logouts.backChannelLogout("NoSuchIdp", logoutToken("alice", "s")), ErrorCode.IDP_UNKNOWN);
    }

    @Test
    void frontChannelLogoutThenTheSessionOfThatSidEndsWithOrWithoutIss() {
        LanyardSession alice = logIn("alice", "sid-1");
        LanyardSession bob = logIn("bob", "sid-2");
        logins.clock.advance(Duration.ofSeconds(1));

        logouts.frontChannelLogout(FakeProviderLogins.IDP, Optional.of(logins.provider.issuer()), Optional.of("sid-1"));
        // Microsoft Entra ID sends no iss: the provider's own URL names it
        logouts.frontChannelLogout(FakeProviderLogins.IDP, Optional.empty(), Optional.of("sid-2"));

        assertThat(nodeOne.isRevoked(alice)).isTrue();
        assertThat(nodeOne.isRevoked(bob)).isTrue();
    }

    @Test
    void frontChannelLogoutWhenIssIsAnotherOrSidMissingThenRequestInvalid() {
        assertFails(() -> logouts.frontChannelLogout(FakeProviderLogins.IDP, Optional.of("https://evil.example.com"),
                Optional.of("sid-1")), ErrorCode.LOGOUT_REQUEST_INVALID);
        assertFails(() -> logouts.frontChannelLogout(FakeProviderLogins.IDP, Optional.empty(), Optional.empty()),
                ErrorCode.LOGOUT_REQUEST_INVALID);
        assertThat(nodeOne.size()).isZero();
    }

    @Test
    void frontChannelLogoutWhenSwitchedOffThenChannelDisabled() {
        logins.reconfigure(provider -> {
            provider.logout().frontChannel(false);
            return provider;
        });
        assertFails(() -> logouts.frontChannelLogout(FakeProviderLogins.IDP, Optional.empty(), Optional.of("s")),
                ErrorCode.LOGOUT_CHANNEL_DISABLED);
    }

    @Test
    void endSessionRedirectWhenAlsoAtProviderThenItCarriesHintClientIdReturnAndState() throws Exception {
        URI endSession = URI.create(logins.provider.issuer() + "/logout");
        logins.provider.discoveryCustomizer = document -> {
            HashMap<String, Object> changed = new HashMap<>(document);
            changed.put("end_session_endpoint", endSession.toString());
            return changed;
        };
        logins.reconfigure(provider -> {
            provider.logout().mode(LogoutMode.ALSO_AT_PROVIDER);
            return provider;
        });
        LanyardSession alice = logIn("alice", "sid-1");

        LogoutRequest request = LogoutRequest.parse(logouts.endSessionRedirect(alice, "state-1").orElseThrow());

        assertThat(request.getEndpointURI()).isEqualTo(endSession);
        assertThat(request.getIDTokenHint().serialize()).isEqualTo(alice.idToken());
        assertThat(request.getClientID().getValue()).isEqualTo(FakeProvider.CLIENT_ID);
        assertThat(request.getPostLogoutRedirectionURI())
                .isEqualTo(URI.create("https://jira.example.com" + LanyardPaths.POST_LOGOUT));
        assertThat(request.getState().getValue()).isEqualTo("state-1");
    }

    @Test
    void endSessionRedirectWhenLocalOnlyOrNoEndpointThenNone() {
        LanyardSession alice = logIn("alice", "sid-1");
        assertThat(logouts.endSessionRedirect(alice, "s")).isEmpty();

        logins.reconfigure(provider -> {
            provider.logout().mode(LogoutMode.ALSO_AT_PROVIDER);
            return provider;
        });
        assertThat(logouts.endSessionRedirect(alice, "s")).isEmpty(); // the fake announces no end_session_endpoint
    }

    private static void assertFails(Runnable call, ErrorCode expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(expected));
    }
}
