package io.lanyard.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.testing.LogCapture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where each secret comes from is logged once per outcome, not on every resolution: the admin pages resolve every
 * secret on every view, and a list of providers must not add a log line per provider per page view.
 */
class ExternalSecretResolverLoggingTest {

    private static final String ID = "GOxXFuPXJgiyAwuXugVG";

    @Test
    void theSameOutcomeIsLoggedOnceAndAChangedOutcomeAgain() {
        ExternalSecretResolver resolver = new ExternalSecretResolver(Map.of(), Map.of(), SecuredValues.none());
        StoredSecret inFile = StoredSecret.plaintext(Secret.of("in-the-file"));

        try (LogCapture log = LogCapture.start()) {
            resolver.resolveIdentityProviderSecret(ID, inFile);
            resolver.resolveIdentityProviderSecret(ID, inFile);
            resolver.resolveIdentityProviderSecret(ID, StoredSecret.none());
            resolver.resolveIdentityProviderSecret(ID, StoredSecret.none());
            resolver.resolveIdentityProviderSecret(ID, inFile);

            assertThat(log.messagesOf(ExternalSecretResolver.class))
                    .containsExactly("Client secret of identity provider " + ID + ": from CLIENT_SECRET in provider.xml",
                            "Client secret of identity provider " + ID + ": LNY-105 no client secret: CLIENT_SECRET "
                                    + "in provider.xml is empty and none of "
                                    + SecretPropertyNames.identityProvider(ID) + ", "
                                    + SecretPropertyNames.IDENTITY_PROVIDER_STATIC
                                    + " is set as an environment variable or JVM system property",
                            "Client secret of identity provider " + ID + ": from CLIENT_SECRET in provider.xml");
        }
    }

    @Test
    void everyOwnerIsLoggedOnItsOwn() {
        ExternalSecretResolver resolver = new ExternalSecretResolver(Map.of(), Map.of(), SecuredValues.none());
        StoredSecret inFile = StoredSecret.plaintext(Secret.of("in-the-file"));

        try (LogCapture log = LogCapture.start()) {
            resolver.resolveIdentityProviderSecret(ID, inFile);
            resolver.resolveConnectorSecret("wdlfqm6se9un", inFile);
            resolver.resolveIdentityProviderSecret("other", inFile);

            assertThat(log.messagesOf(ExternalSecretResolver.class)).hasSize(3);
        }
    }

    @Test
    void showingWhereASecretComesFromLogsNothing() {
        ExternalSecretResolver resolver = new ExternalSecretResolver(
                Map.of(SecretPropertyNames.identityProvider(ID), "from-the-environment"), Map.of(), SecuredValues.none());

        try (LogCapture log = LogCapture.start()) {
            ResolvedSecret shown = resolver.describeIdentityProviderSecret(ID, StoredSecret.none());
            resolver.describeConnectorSecret("wdlfqm6se9un", StoredSecret.none());
            io.lanyard.core.config.ClientSecretAdministration.status(io.lanyard.core.config.IdentityProviderConfig
                    .builder().id(ID).displayName("X").discoveryUrl("https://idp.example.com").clientId("c").build(),
                    resolver);

            assertThat(shown.source()).isEqualTo(SecretSource.ENVIRONMENT_VARIABLE);
            assertThat(shown).usingRecursiveComparison()
                    .isEqualTo(resolver.resolveIdentityProviderSecret(ID, StoredSecret.none()));
            assertThat(log.messagesOf(ExternalSecretResolver.class)).hasSize(1);
        }
    }
}
