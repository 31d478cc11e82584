package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.diagnostics.CheckWarning;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretSource;
import io.lanyard.core.secret.SecretStatus;
import io.lanyard.plugin.admin.integration.EntraConnectorForm;
import io.lanyard.plugin.admin.integration.FormLayout;
import io.lanyard.plugin.admin.integration.IdentityProviderForm;
import io.lanyard.plugin.web.LanyardText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AdminTextTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("'(lanyard\\.admin\\.[A-Za-z0-9_.]+[A-Za-z0-9_])'");
    private final Set<String> keys = LanyardText.english().asMap().keySet();

    private static String template() throws IOException {
        try (InputStream in = AdminTextTest.class.getClassLoader().getResourceAsStream("templates/admin.soy")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyKeyTheTemplatesNameLiterallyHasAText() throws IOException {
        Matcher matcher = LITERAL_KEY.matcher(template());
        Set<String> used = matcher.results().map(m -> m.group(1)).collect(Collectors.toSet());

        assertThat(used).hasSizeGreaterThan(50);
        assertThat(keys).containsAll(used);
    }

    /**
     * Each kind's layout places every field of its form record exactly once (so a field added to the record but not
     * to the layout fails here), and nothing else that would be posted; every label, help, option, heading,
     * introduction and disclosure it names has a text.
     */
    @Test
    void eachKindsLayoutPlacesEveryFieldOfItsFormOnceWithItsTexts() {
        Map<String, FormLayout> layouts = Map.of("idp", IdentityProviderForm.LAYOUT, "cloud", EntraConnectorForm.LAYOUT);
        Map<String, Set<String>> formFields = Map.of(
                "idp", IdentityProviderForm.newProvider("x").toSoy().keySet(),
                "cloud", EntraConnectorForm.newConnector("x").toSoy().keySet());
        for (Map.Entry<String, FormLayout> kind : layouts.entrySet()) {
            FormLayout layout = kind.getValue();
            Set<String> posted = layout.fields().filter(FormLayout.Field::posted).map(FormLayout.Field::name)
                    .collect(Collectors.toSet());
            Set<String> expected = new java.util.HashSet<>(formFields.get(kind.getKey()));
            expected.remove("id");
            assertThat(posted).as(kind.getKey()).isEqualTo(expected);
            assertThat(layout.placesSecret()).as(kind.getKey()).isTrue();
            layout.fields().forEach(field -> {
                assertThat(keys).as(field.name()).contains(field.labelKey(), field.helpKey());
                field.options().forEach(option -> assertThat(keys).contains(option.labelKey()));
                if (!field.action().isEmpty()) {
                    assertThat(keys).contains("lanyard.admin." + field.action());
                }
            });
            for (FormLayout.Section section : layout.sections()) {
                if (section.equals(FormLayout.CLIENT_SECRET)) {
                    continue;
                }
                String texts = "lanyard.admin." + kind.getKey() + ".section." + section.name();
                assertThat(keys).contains(texts);
                if (section.intro()) {
                    assertThat(keys).contains(texts + ".intro");
                }
                if (section.fields().stream().anyMatch(FormLayout.Field::advanced)) {
                    assertThat(keys).contains(texts + ".advanced");
                }
            }
        }
    }

    @Test
    void theIdentityProviderFormIsGroupedAsAPersonThinksOfAProvider() {
        assertThat(IdentityProviderForm.LAYOUT.sections()).extracting(FormLayout.Section::name)
                .containsExactly("provider", "client", "secret", "users", "groups", "logout", "tokens");
        // Client authentication and scopes belong to the application at the provider, not to its secret.
        assertThat(IdentityProviderForm.LAYOUT.sections().get(1).fields()).extracting(FormLayout.Field::name)
                .contains("clientAuthMethod", "scopes");
        assertThat(IdentityProviderForm.LAYOUT.sections().get(6).fields()).filteredOn(FormLayout.Field::advanced)
                .extracting(FormLayout.Field::name)
                .containsExactly("clockSkew", "trustedAudiences", "maxAuthenticationAge", "acrValues");
    }

    @Test
    void everySecretSourceAndCheckWarningHasAText() {
        for (SecretSource source : SecretSource.values()) {
            assertThat(keys).contains("lanyard.admin.secret.source." + source.name().toLowerCase(Locale.ROOT));
        }
        for (CheckWarning warning : CheckWarning.values()) {
            assertThat(keys).contains(warning.i18nKey());
        }
    }

    @Test
    void theSourceLabelsAreTheSpecificationsWordForWord() {
        Map<String, String> text = LanyardText.english().asMap();
        for (SecretSource source : SecretSource.values()) {
            SecretStatus status = new SecretStatus(SecretOwner.identityProvider("x"), source, Optional.empty(),
                    Optional.empty(), List.of());
            String key = source.name().toLowerCase(Locale.ROOT);
            assertThat(text.get("lanyard.admin.secret.source." + key)).as(source.name()).isEqualTo(status.label());
            status.origin().ifPresent(origin ->
                    assertThat(text.get("lanyard.admin.secret.origin." + key)).as(source.name()).isEqualTo(origin));
        }
        assertThat(text.get("lanyard.admin.secret.source.environment_variable")).isEqualTo("Static Environment Property");
    }

    @Test
    void theSecretSectionHasEveryTextForIdentityProvidersAndForConnectors() {
        for (String kind : List.of("idp", "connector")) {
            for (String suffix : List.of("property_name.help", "save_writes_placeholder", "revert", "field",
                    "stored.none", "stored.plaintext", "stored.external", "remove", "takes_effect", "not_set", "problem")) {
                assertThat(keys).contains("lanyard.admin.secret." + kind + "." + suffix);
            }
        }
    }

    @Test
    void everyConnectorFieldNationalCloudAndAnsweringPartyHasAText() {
        for (String field : List.of("tenantId", "nationalCloud", "graphBaseUrl")) {
            assertThat(keys).contains("lanyard.admin.field." + field, "lanyard.admin.help." + field);
        }
        assertThat(keys).contains("lanyard.admin.help.connector.displayName", "lanyard.admin.help.connector.enabled",
                "lanyard.admin.field.connector.clientId", "lanyard.admin.help.connector.clientId",
                "lanyard.admin.cloud.check.said.entra", "lanyard.admin.cloud.check.said.graph");
        for (NationalCloud cloud : NationalCloud.values()) {
            assertThat(keys).contains("lanyard.admin.option.cloud." + cloud.name());
        }
    }
}
