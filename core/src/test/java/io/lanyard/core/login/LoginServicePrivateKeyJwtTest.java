package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.lanyard.core.config.ClientAssertionAudience;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.signing.SigningKeys;
import io.lanyard.core.testing.FakeProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code private_key_jwt} (RFC 7523 §2.2, OIDC Core §9) against a strict provider over real HTTP that checks the
 * assertion with the keys Lanyard publishes: no client secret anywhere, and every refusal a clear code.
 */
class LoginServicePrivateKeyJwtTest {

    @TempDir
    Path home;

    private SigningKeys keys;
    private FakeProviderLogins logins;
    private FakeProvider provider;

    @BeforeEach
    void start() {
        keys = SigningKeys.in(home, "Lanyard test", Clock.systemUTC());
        logins = new FakeProviderLogins(keys);
        provider = logins.provider;
        provider.clientKeys = () -> parse(keys.publicJwks());
        provider.acceptedAssertionAudiences = Set.of(provider.tokenEndpoint());
        provider.acceptedSecrets = Set.of();
        logins.reconfigure(p -> p.clientSecret(StoredSecret.none()).clientAuthMethod(ClientAuthMethod.PRIVATE_KEY_JWT));
    }

    @AfterEach
    void close() {
        logins.close();
    }

    private static JWKSet parse(String jwks) {
        try {
            return JWKSet.parse(jwks);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLoginAuthenticatesWithASignedAssertionAndNoSecret() throws Exception {
        assertThat(logins.logIn("alice").user().username()).isEqualTo("alice");

        assertThat(provider.lastTokenHeaders.get("Authorization")).as("no Basic secret").isNull();
        assertThat(provider.lastTokenForm).doesNotContainKey("client_secret")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(SignedJWT.parse(provider.lastTokenForm.get("client_assertion")).getJWTClaimsSet().getAudience())
                .containsExactly(provider.tokenEndpoint());
    }

    @Test
    void everyLoginSendsAFreshAssertion() {
        logins.logIn("alice");
        String first = provider.lastTokenForm.get("client_assertion");
        logins.logIn("bob");

        assertThat(provider.lastTokenForm.get("client_assertion")).isNotEqualTo(first);
    }

    @Test
    void theAudienceIsTheIssuerWhereTheProviderSettingSaysSo() throws Exception {
        logins.reconfigure(p -> p.clientSecret(StoredSecret.none()).clientAuthMethod(ClientAuthMethod.PRIVATE_KEY_JWT)
                .clientAssertionAudience(ClientAssertionAudience.ISSUER));
        provider.acceptedAssertionAudiences = Set.of(provider.issuer());

        logins.logIn("alice");

        assertThat(SignedJWT.parse(provider.lastTokenForm.get("client_assertion")).getJWTClaimsSet().getAudience())
                .containsExactly(provider.issuer());
    }

    @Test
    void anAssertionTheProviderRefusesIsLny305() {
        provider.acceptedAssertionAudiences = Set.of("https://somewhere.else.example.com/token");

        logins.assertLoginFails("alice", ErrorCode.CLIENT_ASSERTION_REFUSED);
    }

    @Test
    void afterAKeyRotationTheProviderStillAcceptsAssertionsBecauseTheNewKeyWasPublishedFirst() {
        logins.logIn("alice");
        keys.publishNext();
        logins.logIn("bob");
        keys.activateNext();

        assertThat(logins.logIn("alice").user().username()).isEqualTo("alice");
    }

    @Test
    void aProviderThatHasNotFetchedTheNewKeyYetGetsTheRetiredKeyOnceAndNoLoginFails() throws Exception {
        logins.logIn("alice");
        // The provider keeps the key set it fetched, as Keycloak does for ten seconds.
        JWKSet cached = parse(keys.publicJwks());
        provider.clientKeys = () -> cached;
        keys.publishNext();
        keys.activateNext();
        int before = provider.tokenRequests.get();

        java.util.List<String> warnings;
        try (io.lanyard.core.testing.LogCapture log = io.lanyard.core.testing.LogCapture.start()) {
            assertThat(logins.logIn("bob").user().username()).isEqualTo("bob");
            warnings = log.messagesOf(io.lanyard.core.token.ClientCredential.SignedAssertion.class);
        }

        assertThat(provider.tokenRequests.get() - before).as("refused with the new key, accepted with the old")
                .isEqualTo(2);
        assertThat(warnings).singleElement().satisfies(line -> assertThat(line).contains("has not fetched the new key"));
        provider.clientKeys = () -> parse(keys.publicJwks());
        logins.logIn("alice");
        assertThat(provider.tokenRequests.get() - before).as("the provider knows the new key now").isEqualTo(3);
    }

    @Test
    void withoutARecentlyRetiredKeyARefusedAssertionIsNotTriedAgain() {
        provider.clientKeys = () -> new JWKSet();

        logins.assertLoginFails("alice", ErrorCode.CLIENT_ASSERTION_REFUSED);

        assertThat(provider.tokenRequests).hasValue(1);
    }

    @Test
    void withoutSigningKeysALoginWithPrivateKeyJwtIsLny112() {
        try (FakeProviderLogins withoutKeys = new FakeProviderLogins()) {
            withoutKeys.reconfigure(p -> p.clientSecret(StoredSecret.none())
                    .clientAuthMethod(ClientAuthMethod.PRIVATE_KEY_JWT));

            withoutKeys.assertLoginFails("alice", ErrorCode.SIGNING_KEY_UNUSABLE);
        }
    }
}
