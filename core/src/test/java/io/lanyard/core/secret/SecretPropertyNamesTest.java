package io.lanyard.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.secret.resolver.ClientSecretResolver;
import org.junit.jupiter.api.Test;

/** The names are copied by administrators into start scripts: they must be the specification's, letter by letter. */
class SecretPropertyNamesTest {

    @Test
    void staticNamesAreTheSpecificationsNames() {
        assertThat(SecretPropertyNames.IDENTITY_PROVIDER_STATIC)
                .isEqualTo("ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET");
        assertThat(SecretPropertyNames.CONNECTOR_STATIC)
                .isEqualTo("ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_STATIC_CLIENTSECRET");
    }

    @Test
    void identityProviderNameIsTheSpecificationsExample() {
        assertThat(SecretPropertyNames.identityProvider("GOxXFuPXJgiyAwuXugVG"))
                .isEqualTo("ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDC_GOxXFuPXJgiyAwuXugVG_CLIENTSECRET");
    }

    @Test
    void connectorNameIsTheSpecificationsExample() {
        assertThat(SecretPropertyNames.connector("wdlfqm6se9un"))
                .isEqualTo("ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_wdlfqm6se9un_CLIENTSECRET");
    }

    @Test
    void idKeepsItsCase() {
        assertThat(SecretPropertyNames.identityProvider("AbC1")).contains("_OIDC_AbC1_").doesNotContain("ABC1");
    }

    @Test
    void ownerListsThePerIdNameBeforeTheStaticName() {
        assertThat(ClientSecretResolver.namesInOrder(SecretOwner.identityProvider("GOxXFuPXJgiyAwuXugVG")))
                .containsExactly(
                "ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDC_GOxXFuPXJgiyAwuXugVG_CLIENTSECRET",
                "ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET");
        assertThat(ClientSecretResolver.namesInOrder(SecretOwner.connector("wdlfqm6se9un"))).containsExactly(
                "ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_wdlfqm6se9un_CLIENTSECRET",
                "ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_STATIC_CLIENTSECRET");
    }

    @Test
    void theNextSecretsNamesAreTheSpecificationsNamesWithNext() {
        assertThat(ClientSecretResolver.namesInOrder(SecretOwner.identityProvider("GOxXFuPXJgiyAwuXugVG"),
                SecretSlot.NEXT)).containsExactly(
                "ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDC_GOxXFuPXJgiyAwuXugVG_CLIENTSECRET_NEXT",
                "ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET_NEXT");
        assertThat(ClientSecretResolver.namesInOrder(SecretOwner.connector("wdlfqm6se9un"), SecretSlot.NEXT))
                .containsExactly(
                "ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_wdlfqm6se9un_CLIENTSECRET_NEXT",
                "ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_STATIC_CLIENTSECRET_NEXT");
        assertThat(ClientSecretResolver.namesInOrder(SecretOwner.connector("wdlfqm6se9un"), SecretSlot.CURRENT))
                .isEqualTo(ClientSecretResolver.namesInOrder(SecretOwner.connector("wdlfqm6se9un")));
    }

    @Test
    void isOursAcceptsTheNextVariantOfEachShapeAndNothingElseAfterIt() {
        assertThat(SecretPropertyNames.isOurs("ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET_NEXT"))
                .isTrue();
        assertThat(SecretPropertyNames.isOurs(
                "ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_wdlfqm6se9un_CLIENTSECRET_NEXT")).isTrue();
        assertThat(SecretPropertyNames.isOurs("ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET_NEXT_NEXT"))
                .isFalse();
        assertThat(SecretPropertyNames.isOurs("ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET_OLD"))
                .isFalse();
        assertThat(SecretPropertyNames.isOurs("ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRETNEXT"))
                .isFalse();
    }

    @Test
    void isOursAcceptsTheFourShapesOnly() {
        assertThat(SecretPropertyNames.isOurs("ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET")).isTrue();
        assertThat(SecretPropertyNames.isOurs("ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDC_GOxXFuPXJgiyAwuXugVG_CLIENTSECRET"))
                .isTrue();
        assertThat(SecretPropertyNames.isOurs("ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_STATIC_CLIENTSECRET"))
                .isTrue();
        assertThat(SecretPropertyNames.isOurs("ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_wdlfqm6se9un_CLIENTSECRET"))
                .isTrue();

        assertThat(SecretPropertyNames.isOurs("jdbc.password")).isFalse();
        assertThat(SecretPropertyNames.isOurs("ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDC__CLIENTSECRET")).isFalse();
        assertThat(SecretPropertyNames.isOurs("ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDC_a-b_CLIENTSECRET")).isFalse();
        assertThat(SecretPropertyNames.isOurs("org_kantega_atlaskerb_identityproviders_oidcstatic_clientsecret")).isFalse();
        assertThat(SecretPropertyNames.isOurs("ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET ")).isFalse();
        assertThat(SecretPropertyNames.isOurs(null)).isFalse();
    }

    @Test
    void idThatCannotBePartOfANameIsRefused() {
        assertThatThrownBy(() -> SecretPropertyNames.identityProvider("a_b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretPropertyNames.connector("")).isInstanceOf(IllegalArgumentException.class);
    }
}
