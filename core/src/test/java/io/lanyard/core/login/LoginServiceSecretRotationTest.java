package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretRotation;
import io.lanyard.core.testing.FakeProvider;
import io.lanyard.core.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rotation without an outage, against a provider over real HTTP: while Lanyard holds the current and the next client
 * secret, logins succeed whichever of the two the provider accepts; the first refusal costs one extra token request
 * and a log line telling the administrator to finish the rotation, never a failed login.
 */
class LoginServiceSecretRotationTest {

    private static final String NEXT = "the-next-secret-of-the-fake-provider-9876";

    private final FakeProviderLogins logins = new FakeProviderLogins();
    private final FakeProvider provider = logins.provider;

    @AfterEach
    void close() {
        logins.close();
    }

    private void withNextSecret() {
        logins.reconfigure(p -> p.nextClientSecret(StoredSecret.plaintext(Secret.of(NEXT))));
    }

    @Test
    void whileTheProviderStillAcceptsTheCurrentSecretOnlyTheCurrentOneIsSent() {
        withNextSecret();

        logins.logIn("alice");
        logins.logIn("bob");

        assertThat(provider.tokenRequests).hasValue(2);
        assertThat(provider.lastTokenHeaders.get("Authorization")).isNotNull();
    }

    @Test
    void whenTheProviderSwitchedToTheNextSecretTheLoginSucceedsWithOneRetryAndLogsWhatToFinish() {
        withNextSecret();
        provider.acceptedSecrets = Set.of(NEXT);

        List<String> lines;
        try (LogCapture log = LogCapture.start()) {
            assertThat(logins.logIn("alice").user().username()).isEqualTo("alice");
            lines = log.messagesOf(ClientSecretRotation.class);
        }

        assertThat(provider.tokenRequests).as("one refused, one accepted").hasValue(2);
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("refused the current secret", "accepted the next secret", "Finish the rotation",
                        Secret.of(NEXT).fingerprint())
                .doesNotContain(NEXT).doesNotContain(FakeProvider.CLIENT_SECRET));
    }

    @Test
    void onceTheNextSecretWorkedItIsSentFirstAndTheLogSaysItOnce() {
        withNextSecret();
        provider.acceptedSecrets = Set.of(NEXT);
        logins.logIn("alice");

        try (LogCapture log = LogCapture.start()) {
            logins.logIn("bob");
            logins.logIn("alice");
            assertThat(log.messagesOf(ClientSecretRotation.class)).isEmpty();
        }

        assertThat(provider.tokenRequests).as("2 for the first login, 1 each afterwards").hasValue(4);
    }

    @Test
    void afterThePromotionTheRememberedSecretIsTheCurrentOneAndNothingIsRetried() {
        withNextSecret();
        provider.acceptedSecrets = Set.of(NEXT);
        logins.logIn("alice");

        // The administrator promotes: the next secret becomes CLIENT_SECRET, CLIENT_SECRET_NEXT is emptied.
        logins.reconfigure(p -> p.clientSecret(StoredSecret.plaintext(Secret.of(NEXT))));
        logins.logIn("bob");

        assertThat(provider.tokenRequests).hasValue(3);
    }

    @Test
    void whenTheProviderGoesBackToTheCurrentSecretLoginsFollowAndTheLogSaysSo() {
        withNextSecret();
        provider.acceptedSecrets = Set.of(NEXT);
        logins.logIn("alice");
        provider.acceptedSecrets = Set.of(FakeProvider.CLIENT_SECRET);

        try (LogCapture log = LogCapture.start()) {
            logins.logIn("bob");
            assertThat(log.messagesOf(ClientSecretRotation.class)).singleElement()
                    .satisfies(line -> assertThat(line).contains("accepted the current secret", "again"));
        }
    }

    @Test
    void whenTheProviderRefusesBothSecretsTheLoginFailsWithLny304AfterExactlyTwoAttempts() {
        withNextSecret();
        provider.acceptedSecrets = Set.of("a-third-secret-neither-of-ours");

        logins.assertLoginFails("alice", ErrorCode.CLIENT_SECRETS_BOTH_REFUSED);

        assertThat(provider.tokenRequests).hasValue(2);
    }

    @Test
    void withoutANextSecretARefusedSecretIsNotRetriedAndStaysLny302() {
        provider.acceptedSecrets = Set.of(NEXT);

        logins.assertLoginFails("alice", ErrorCode.CLIENT_AUTHENTICATION_FAILED);

        assertThat(provider.tokenRequests).hasValue(1);
    }

    @Test
    void aRefusalThatIsNotAboutTheClientIsNotRetriedWithTheOtherSecret() {
        withNextSecret();
        provider.tokenStatusOverride = 400;
        provider.tokenBodyOverride = "{\"error\":\"invalid_grant\"}";

        logins.assertLoginFails("alice", ErrorCode.TOKEN_REQUEST_REJECTED);

        assertThat(provider.tokenRequests).as("invalid_grant is about the code, not the secret").hasValue(1);
    }

    @Test
    void anHs256IdTokenIsCheckedWithTheSecretTheProviderAccepted() {
        logins.reconfigure(p -> p.nextClientSecret(StoredSecret.plaintext(Secret.of(NEXT)))
                .allowedAlgorithms(List.of("HS256")));
        provider.acceptedSecrets = Set.of(NEXT);
        provider.idTokenCustomizer = token -> token.signedWithSecret(NEXT.getBytes(StandardCharsets.UTF_8),
                JWSAlgorithm.HS256);

        assertThat(logins.logIn("alice").user().username()).isEqualTo("alice");
    }

    @Test
    void onlyANextSecretIsEnoughToStartAndCompleteALogin() {
        // e.g. CLIENT_SECRET was emptied early: the next secret alone still works.
        logins.reconfigure(p -> p.clientSecret(StoredSecret.none()).nextClientSecret(StoredSecret.plaintext(Secret.of(NEXT))));
        provider.acceptedSecrets = Set.of(NEXT);

        assertThat(logins.logIn("alice").user().username()).isEqualTo("alice");
        assertThat(provider.tokenRequests).hasValue(1);
    }

    @Test
    void withNeitherSecretTheLoginIsRefusedBeforeAnyoneIsSentToTheProvider() {
        logins.reconfigure(p -> p.clientSecret(StoredSecret.none()));

        logins.assertLoginFails("alice", ErrorCode.CLIENT_SECRET_MISSING);

        assertThat(provider.tokenRequests).hasValue(0);
    }
}
