package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.discovery.ProviderMetadataSource;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.testing.FakeProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What Lanyard keeps per provider between logins (metadata, keys, resolved secret) follows changes: a saved
 * configuration applies to the next login, and keys come from wherever the provider's metadata now says.
 */
class LoginServiceProviderChangesTest {

    private final FakeProviderLogins logins = new FakeProviderLogins();

    @AfterEach
    void stop() {
        logins.close();
    }

    @Test
    void aCorrectedClientSecretAppliesToTheNextLogin() {
        logins.reconfigure(b -> b.clientSecret(StoredSecret.plaintext(Secret.of("a-wrong-secret"))));
        logins.assertLoginFails("alice", ErrorCode.CLIENT_AUTHENTICATION_FAILED);

        logins.reconfigure(b -> b.clientSecret(StoredSecret.plaintext(Secret.of(FakeProvider.CLIENT_SECRET))));

        assertThat(logins.logIn("alice").user().username()).isEqualTo("alice");
    }

    @Test
    void aClientSecretChangedAfterALoginAppliesToTheNextLogin() {
        logins.logIn("alice");

        logins.reconfigure(b -> b.clientSecret(StoredSecret.plaintext(Secret.of("a-wrong-secret"))));

        logins.assertLoginFails("alice", ErrorCode.CLIENT_AUTHENTICATION_FAILED);
    }

    @Test
    void keysAreFetchedFromTheNewJwksUriOnceTheProviderMovesThem() throws InterruptedException {
        logins.logIn("alice");
        String movedKeys = logins.provider.issuer() + "/jwks-moved";
        logins.provider.discoveryCustomizer = document -> {
            Map<String, Object> copy = new LinkedHashMap<>(document);
            copy.put("jwks_uri", movedKeys);
            return copy;
        };
        logins.clock.advance(ProviderMetadataSource.TIME_TO_LIVE.plusSeconds(1));

        // the login after the metadata's time to live still uses the copy held and refreshes it in the background
        logins.logIn("bob");
        for (int i = 0; i < 200 && !"/jwks-moved".equals(logins.provider.lastJwksPath); i++) {
            Thread.sleep(10);
            logins.logIn("bob");
        }
        int fetchesAtTheNewAddress = logins.provider.jwksRequests.get();
        logins.logIn("alice");
        logins.logIn("alice");

        assertThat(logins.provider.discoveryRequests).hasValue(2);
        assertThat(logins.provider.lastJwksPath).isEqualTo("/jwks-moved");
        assertThat(logins.provider.jwksRequests.get()).as("held after the one fetch at the new address")
                .isEqualTo(fetchesAtTheNewAddress);
    }
}
