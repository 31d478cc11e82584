package io.lanyard.core.secret.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.change.ClientSecretAdministration;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.SecretSource;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import io.lanyard.core.testing.LogCapture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where each secret comes from is logged once per outcome, not on every resolution: the admin pages resolve every
 * secret on every view, and a list of providers must not add a log line per provider per page view.
 */
class ClientSecretResolverLoggingTest {

    private static final String ID = "GOxXFuPXJgiyAwuXugVG";

    @Test
    void theSameOutcomeIsLoggedOnceAndAChangedOutcomeAgain() {
        ClientSecretResolver resolver = new ClientSecretResolver(Map.of(), Map.of(), SecuredPropertyValues.none());
        StoredSecret inFile = StoredSecret.plaintext(Secret.of("in-the-file"));

        try (LogCapture log = LogCapture.start()) {
            resolver.resolve(SecretOwner.identityProvider(ID), inFile);
            resolver.resolve(SecretOwner.identityProvider(ID), inFile);
            resolver.resolve(SecretOwner.identityProvider(ID), StoredSecret.none());
            resolver.resolve(SecretOwner.identityProvider(ID), StoredSecret.none());
            resolver.resolve(SecretOwner.identityProvider(ID), inFile);

            String fromFile = "Client secret of identity provider " + ID + ": from CLIENT_SECRET in provider.xml "
                    + "(fingerprint " + Secret.of("in-the-file").fingerprint() + ")";
            assertThat(log.messagesOf(ClientSecretResolver.class))
                    .containsExactly(fromFile,
                            "Client secret of identity provider " + ID + ": LNY-105 no client secret: CLIENT_SECRET "
                                    + "in provider.xml is empty and none of "
                                    + SecretPropertyNames.identityProvider(ID) + ", "
                                    + SecretPropertyNames.IDENTITY_PROVIDER_STATIC
                                    + " is set as an environment variable or JVM system property",
                            fromFile);
        }
    }

    @Test
    void everyOwnerIsLoggedOnItsOwn() {
        ClientSecretResolver resolver = new ClientSecretResolver(Map.of(), Map.of(), SecuredPropertyValues.none());
        StoredSecret inFile = StoredSecret.plaintext(Secret.of("in-the-file"));

        try (LogCapture log = LogCapture.start()) {
            resolver.resolve(SecretOwner.identityProvider(ID), inFile);
            resolver.resolve(SecretOwner.connector("wdlfqm6se9un"), inFile);
            resolver.resolve(SecretOwner.identityProvider("other"), inFile);

            assertThat(log.messagesOf(ClientSecretResolver.class)).hasSize(3);
        }
    }

    @Test
    void showingWhereASecretComesFromLogsNothing() {
        ClientSecretResolver resolver = new ClientSecretResolver(
                Map.of(SecretPropertyNames.identityProvider(ID), "from-the-environment"), Map.of(),
                        SecuredPropertyValues.none());

        try (LogCapture log = LogCapture.start()) {
            ResolvedSecret shown = resolver.describe(SecretOwner.identityProvider(ID), StoredSecret.none());
            resolver.describe(SecretOwner.connector("wdlfqm6se9un"), StoredSecret.none());
            ClientSecretAdministration.status(IdentityProviderConfig.builder().id(ID).displayName("X")
                    .discoveryUrl("https://idp.example.com").clientId("c").build(), resolver);

            assertThat(shown.source()).isEqualTo(SecretSource.ENVIRONMENT_VARIABLE);
            assertThat(shown).usingRecursiveComparison()
                    .isEqualTo(resolver.resolve(SecretOwner.identityProvider(ID), StoredSecret.none()));
            assertThat(log.messagesOf(ClientSecretResolver.class)).hasSize(1);
        }
    }
}
