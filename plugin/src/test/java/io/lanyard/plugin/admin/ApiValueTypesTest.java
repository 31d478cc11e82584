package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON API takes each field only in its own JSON type (the security review's LOW finding: Jackson turned
 * {@code "clientSecret": 17} into the secret "17"). A number or a boolean where text belongs, or text where a number
 * or a boolean belongs, is refused with {@code LNY-703}, naming the field, and nothing changes.
 */
class ApiValueTypesTest {

    private static final String VALID = "\"displayName\":\"Keycloak\",\"discoveryUrl\":\"https://idp.example.com/realms/a\","
            + "\"clientId\":\"lanyard\"";

    /** A valid document with {@code member} ({@code "name":value}) in place of that field. */
    private static String documentWith(String member) {
        Map<String, String> members = new LinkedHashMap<>(Map.of("displayName", "\"Keycloak\"",
                "discoveryUrl", "\"https://idp.example.com/realms/a\"", "clientId", "\"lanyard\""));
        int colon = member.indexOf(':');
        members.put(member.substring(1, colon - 1), member.substring(colon + 1));
        return members.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    @TempDir
    Path home;
    private AdminWebFixture web;

    @BeforeEach
    void start() {
        web = new AdminWebFixture(home, new LanyardConfiguration(List.of(IdentityProviderConfig.builder().id("abc123")
                .displayName("Keycloak").discoveryUrl("https://idp.example.com/realms/a").clientId("lanyard")
                .clientSecret(StoredSecret.plaintext(Secret.of("the-stored-secret"))).build()), List.of()),
                AdminWebFixture.filesOnly(), EntraEndpoints.NATIONAL_CLOUDS);
        web.providerXml().save(web.holder.current());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"clientSecret\":17", "\"clientSecret\":true", "\"clientSecret\":1.5",
        "\"displayName\":42", "\"clientId\":false", "\"issuer\":7", "\"userLookup\":0", "\"usernameClaim\":1",
        "\"scopes\":[\"openid\",5]", "\"clockSkewSeconds\":\"60\"", "\"enabled\":\"false\"", "\"enabled\":0",
        "\"useUserInfo\":1", "\"clearClientSecret\":\"yes\""})
    void aValueOfAnotherJsonTypeIsRefusedWithItsFieldAndChangesNothing(String member) throws Exception {
        byte[] before = Files.readAllBytes(web.providerXml().file());
        String field = member.substring(1, member.indexOf('"', 1));
        String body = documentWith(member);

        AdminHttp.Response update = web.api("PUT", "/idps/abc123", body);
        AdminHttp.Response create = web.api("POST", "/idps", body);

        for (AdminHttp.Response refused : List.of(update, create)) {
            assertThat(refused.status).isEqualTo(400);
            assertThat(refused.body()).contains("LNY-703").contains("at " + field);
        }
        assertThat(Files.readAllBytes(web.providerXml().file())).isEqualTo(before);
        assertThat(web.holder.current().identityProviders()).hasSize(1);
    }

    @Test
    void aNumericClientSecretInAConnectorIsRefusedToo() throws Exception {
        AdminHttp.Response refused = web.api("POST", "/connectors", "{\"displayName\":\"Contoso\",\"tenantId\":"
                + "\"contoso.onmicrosoft.com\",\"clientId\":\"11111111-2222-3333-4444-555555555555\",\"clientSecret\":17}");

        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("LNY-703").contains("at clientSecret");
        assertThat(web.holder.current().entraConnectors()).isEmpty();
    }

    @Test
    void theSameDocumentWithEveryValueInItsOwnTypeIsAccepted() throws Exception {
        AdminHttp.Response saved = web.api("PUT", "/idps/abc123", "{" + VALID + ",\"clientSecret\":\"17\","
                + "\"enabled\":false,\"clockSkewSeconds\":30,\"scopes\":[\"openid\",\"email\"]}");

        assertThat(saved.status).isEqualTo(200);
        IdentityProviderConfig stored = web.holder.current().identityProviders().get(0);
        assertThat(stored.clientSecret().plaintext()).contains(Secret.of("17"));
        assertThat(stored.enabled()).isFalse();
    }
}
