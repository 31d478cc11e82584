package io.lanyard.core.config.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The admin steps of a rotation: give the next secret, promote it, and the save rule for the next secret. */
class ClientSecretRotationAdministrationTest {

    private static final String IDP_ID = "GOxXFuPXJgiyAwuXugVG";
    private static final StoredSecret CURRENT = StoredSecret.plaintext(Secret.of("current-secret"));
    private static final StoredSecret NEXT = StoredSecret.plaintext(Secret.of("next-secret"));

    private static IdentityProviderConfig provider(StoredSecret current, StoredSecret next) {
        return IdentityProviderConfig.builder().id(IDP_ID).displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme").clientId("lanyard").clientSecret(current)
                .nextClientSecret(next).clientSecretExpiresOn(LocalDate.of(2027, 1, 31)).build();
    }

    @Test
    void promotingMakesTheNextSecretTheCurrentOneAndForgetsTheOldDate() {
        IdentityProviderConfig promoted = ClientSecretAdministration.promoted(provider(CURRENT, NEXT));

        assertThat(promoted.clientSecret()).isEqualTo(NEXT);
        assertThat(promoted.nextClientSecret()).isEqualTo(StoredSecret.none());
        assertThat(promoted.clientSecretExpiresOn()).isEmpty();
    }

    @Test
    void aNextSecretFromAVariableCannotBePromotedInTheFileAndTheFieldSaysWhatToDo() {
        assertThatThrownBy(() -> ClientSecretAdministration.promoted(provider(CURRENT, StoredSecret.external())))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.fieldErrors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("nextClientSecret");
                            assertThat(error.message()).contains("restart");
                        }));
        assertThatThrownBy(() -> ClientSecretAdministration.promoted(provider(CURRENT, StoredSecret.none())))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void theFormsNextSecretAndDateApplyAndAnUnreadableDateNamesItsField() {
        IdentityProviderConfig edited = ClientSecretAdministration.withRotationFields(provider(CURRENT,
                StoredSecret.none()), StoredSecret.none(), SecretUpdate.replaceWith(Secret.of("typed-next")),
                Optional.of("2027-06-30"));

        assertThat(edited.nextClientSecret()).isEqualTo(StoredSecret.plaintext(Secret.of("typed-next")));
        assertThat(edited.clientSecretExpiresOn()).contains(LocalDate.of(2027, 6, 30));
        assertThat(ClientSecretAdministration.withRotationFields(edited, edited.nextClientSecret(), SecretUpdate.keep(),
                Optional.empty()).clientSecretExpiresOn()).contains(LocalDate.of(2027, 6, 30));
        assertThat(ClientSecretAdministration.withRotationFields(edited, edited.nextClientSecret(), SecretUpdate.clear(),
                Optional.of("")).nextClientSecret()).isEqualTo(StoredSecret.none());
        assertThatThrownBy(() -> ClientSecretAdministration.withRotationFields(edited, NEXT, SecretUpdate.keep(),
                Optional.of("30/06/2027"))).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("clientSecretExpiresOn"));
    }

    @Test
    void whileTheNextSecretComesFromAVariableSavingWritesThePlaceholderIntoClientSecretNext() {
        ClientSecretResolver resolver = new ClientSecretResolver(
                Map.of(SecretPropertyNames.next(SecretPropertyNames.identityProvider(IDP_ID)), "next-from-env"),
                Map.of(), SecuredPropertyValues.none());

        IdentityProviderConfig stored = ClientSecretAdministration.forStorage(provider(CURRENT, NEXT), resolver);

        assertThat(stored.nextClientSecret()).isEqualTo(StoredSecret.external());
        assertThat(stored.clientSecret()).as("the current secret has no variable: kept").isEqualTo(CURRENT);
    }
}
