package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lanyard.core.testing.FakeProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Debug logging per provider (issue 19): a login fed through it logs every step, and grepping the log finds no token,
 * authorization code, state, nonce, PKCE verifier, client secret or cookie.
 */
class ProviderDebugTest {

    private final FakeProviderLogins logins = new FakeProviderLogins();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ProviderDebug.LOGGER);

    @BeforeEach
    void capture() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
        logins.close();
    }

    /** A login as a browser makes it, keeping every value that must not reach the log. */
    private List<String> logInKeepingSecrets(String subject) {
        LoginRedirect redirect = logins.service.startLogin(FakeProviderLogins.IDP, "/");
        String code = logins.provider.authorize(redirect.authorizationUri(), subject, Map.of());
        LoginSuccess success = logins.service.completeLogin(FakeProviderLogins.IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, logins.provider.issuer(), null, null));
        return List.of(code, success.idToken(), redirect.pendingLogin().state(), redirect.pendingLogin().nonce(),
                redirect.pendingLogin().codeVerifier(), FakeProvider.CLIENT_SECRET);
    }

    private String logged() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    }

    @Test
    void aLoginFedThroughTheDebugLogShowsEachStepAndNoTokenCodeOrSecret() {
        logins.service.debug().switchOn(FakeProviderLogins.IDP, Duration.ofMinutes(30));

        List<String> secrets = logInKeepingSecrets("alice");

        String text = logged();
        assertThat(text).contains("discovery: issuer").contains("authorization request:").contains("callback:")
                .contains("token response: ID token [token]").contains("ID token: every check passed")
                .contains("sub=alice").contains("account: alice");
        for (String secret : secrets) {
            assertThat(text).as("the log holds a secret value").doesNotContain(secret);
        }
        assertThat(text).doesNotContain("eyJ");
    }

    @Test
    void theTimeBoxEndsByItselfAndNothingIsLoggedWhenOff() {
        logins.service.debug().switchOn(FakeProviderLogins.IDP, Duration.ofHours(5)); // bounded to an hour
        logins.clock.advance(ProviderDebug.MAX.plusSeconds(1));
        log.list.clear();

        logInKeepingSecrets("alice");

        assertThat(logged()).doesNotContain("authorization request");
    }

    @Test
    void redactionCoversParametersJsonMembersHeadersAndCookies() {
        String redacted = ProviderDebug.redact("GET /cb?state=s3cr3t&code=abc123&iss=x {\"access_token\":\"tok\","
                + "\"refresh_token\": \"rt\"} client_secret=cs Authorization: Basic dXNlcjpwYXNz Cookie: JSESSIONID=1");

        assertThat(redacted).doesNotContain("s3cr3t").doesNotContain("abc123").doesNotContain("\"tok\"")
                .doesNotContain("rt\"").doesNotContain("=cs").doesNotContain("dXNlcjpwYXNz")
                .doesNotContain("JSESSIONID=1").contains("iss=x");
    }
}
