package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.diagnostics.CheckFailure;
import io.lanyard.core.diagnostics.GraphCheckReport;
import io.lanyard.core.diagnostics.ProviderCheckReport;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import io.lanyard.plugin.admin.integration.CheckViews;
import io.lanyard.plugin.admin.integration.EntraConnectorForm;
import io.lanyard.plugin.admin.integration.IdentityProviderForm;
import io.lanyard.plugin.admin.integration.SecretSection;
import io.lanyard.plugin.web.LanyardText;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compiled templates, rendered from the reduced jar of lanyard-admin-templates (Soy's runtime shrunk to what they
 * reach, without ICU's data): every template of admin.soy renders, and the plugin's classpath really is the reduced
 * one, so the rest of the plugin's tests render the pages against it too.
 */
class AdminTemplatesTest {

    private static final Pattern TEMPLATE = Pattern.compile("\\{template (\\w+)}");
    private static final String INJECTION = "<script>alert(1)</script>";

    private final AdminTemplates templates = new AdminTemplates(LanyardText.english().asMap());

    private static Map<String, Object> frame(String tab) {
        Map<String, Object> frame = new HashMap<>();
        frame.put("contextPath", "/jira");
        frame.put("adminBase", "/jira/plugins/servlet/lanyard/admin");
        frame.put("decorator", "");
        frame.put("stylesheets", List.of(AdminTemplates.trusted("/jira/aui/aui.css")));
        frame.put("ownCss", AdminTemplates.trusted("/a/static/lanyard-admin.css"));
        frame.put("ownJs", AdminTemplates.trusted("/a/static/lanyard-admin.js"));
        frame.put("tab", tab);
        frame.put("xsrf", "token");
        return frame;
    }

    private static Set<String> templateNames() throws IOException {
        try (InputStream in = AdminTemplatesTest.class.getClassLoader().getResourceAsStream("templates/admin.soy")) {
            Matcher matcher = TEMPLATE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> names = new TreeSet<>();
            matcher.results().forEach(result -> names.add(result.group(1)));
            return names;
        }
    }

    /** Data for every template of admin.soy, with HTML in the text values: each must come out escaped. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> everyTemplate() {
        IdentityProviderConfig provider = IdentityProviderConfig.builder().id("GOxXFuPXJgiyAwuXugVG")
                .displayName("Keycloak " + INJECTION).discoveryUrl("https://idp.example.com/realms/acme")
                .clientId("lanyard").build();
        EntraConnectorConfig connector = EntraConnectorConfig.builder().id("wdlfqm6se9un")
                .displayName("Contoso " + INJECTION).tenantId("contoso.onmicrosoft.com")
                .clientId("11111111-2222-3333-4444-555555555555").build();
        ClientSecretResolver secrets = new ClientSecretResolver(
                Map.of(SecretPropertyNames.identityProvider(provider.id()), "from-the-environment"), Map.of(),
                SecuredPropertyValues.none());
        Map<String, Object> secret = SecretSection.of(provider, secrets).toSoy();
        Map<String, Object> notSet = SecretSection.of(connector, secrets).toSoy();
        Map<String, Object> failure = CheckViews.failure(new CheckFailure(ErrorCode.JWKS_INVALID, INJECTION));
        Map<String, Object> providerCheck = CheckViews.report(new ProviderCheckReport(Optional.empty(), List.of(),
                List.of(), Optional.of(new CheckFailure(ErrorCode.DISCOVERY_UNREACHABLE, INJECTION))));
        Map<String, Object> connectorCheck = CheckViews.connectorReport(new GraphCheckReport(
                URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"),
                URI.create("https://graph.microsoft.com/v1.0/organization"), Optional.empty(),
                Optional.of(new CheckFailure(ErrorCode.ENTRA_TOKEN_REFUSED, "refused")),
                Optional.of(new GraphCheckReport.RemoteError("invalid_client", INJECTION))));
        Map<String, Object> metadata = new HashMap<>();
        for (String key : List.of("issuer", "authorizationEndpoint", "tokenEndpoint", "jwksUri", "userInfoEndpoint",
                "endSessionEndpoint", "algorithms", "authMethods")) {
            metadata.put(key, "https://idp.example.com/" + INJECTION);
        }
        Map<String, Object> providerRow = new HashMap<>(Map.of("id", provider.id(), "displayName",
                provider.displayName(), "issuer", provider.issuer(), "enabled", true, "secret", secret));
        Map<String, Object> connectorRow = new HashMap<>(Map.of("id", connector.id(), "displayName",
                connector.displayName(), "tenantId", connector.tenantId(), "nationalCloud", "GLOBAL", "enabled", false,
                "secret", notSet));
        Map<String, List<String>> errors = Map.of("displayName", List.of(INJECTION), "id", List.of(INJECTION));

        Map<String, Map<String, Object>> data = new LinkedHashMap<>();
        data.put("frame", Map.of("frame", frame("idp"), "title", INJECTION, "content", ""));
        data.put("main", Map.of("frame", frame("cloud"), "content", ""));
        data.put("xsrf", Map.of("token", INJECTION));
        data.put("refusal", Map.of("frame", frame(""), "code", "LNY-701", "title", INJECTION, "advice", INJECTION));
        data.put("idpList", Map.of("frame", frame("idp"), "providers", List.of(providerRow), "saved", INJECTION,
                "deleted", true));
        data.put("idpDelete", Map.of("frame", frame("idp"), "provider", providerRow));
        data.put("textField", Map.of("name", "displayName", "value", INJECTION, "errors", errors));
        data.put("checkboxField", Map.of("name", "enabled", "checked", true, "errors", errors));
        data.put("copyable", Map.of("id", "callback-url", "value", INJECTION));
        data.put("secretLozenge", Map.of("secret", notSet));
        data.put("secretSection", Map.of("secret", secret, "errors", errors));
        data.put("metadataTable", Map.of("metadata", metadata));
        data.put("failureMessage", Map.of("failure", failure, "id", "check-result"));
        data.put("idpForm", Map.of("frame", frame("idp"), "form", IdentityProviderForm.of(provider).toSoy(), "isNew",
                false, "errors", errors, "callbackUrl", "https://jira.example.com/cb", "secret", secret,
                "check", providerCheck, "discovery", Map.of("url", "https://idp.example.com", "metadata", metadata)));
        data.put("cloudList", Map.of("frame", frame("cloud"), "connectors", List.of(connectorRow), "saved", "",
                "deleted", false));
        data.put("cloudDelete", Map.of("frame", frame("cloud"), "connector", connectorRow));
        data.put("connectorCheck", Map.of("check", connectorCheck));
        Map<String, Object> rotation = new HashMap<>((Map<String, Object>) secret.get("rotation"));
        rotation.put("nodes", List.of(Map.of("node", INJECTION, "writtenAt", "2026-12-01T10:00:00Z", "current",
                INJECTION, "next", INJECTION, "inUse", "NEXT", "stale", true)));
        rotation.put("expiry", Map.of("level", "DAYS_3", "code", "LNY-110", "endsOn", "2026-12-03", "daysLeft", "2",
                "label", INJECTION, "origin", "MICROSOFT_GRAPH", "checkedAt", "2026-12-01T10:00:00Z", "problemCode",
                "LNY-715", "problemMessage", INJECTION, "credentials", List.of(Map.of("label", INJECTION, "kind",
                        "CLIENT_SECRET", "use", "IN_USE", "endsOn", "2026-12-03", "level", "DAYS_3"),
                        Map.of("label", INJECTION, "kind", "CERTIFICATE", "use", "OTHER", "endsOn", "2027-12-03",
                                "level", "NONE"))));
        rotation.put("canPromote", true);
        data.put("secretRotation", Map.of("rotation", rotation, "errors", errors, "action", "/jira/a/idp/x",
                "file", "provider.xml"));
        Map<String, Object> keyRow = new HashMap<>(Map.of("keyId", "kid-" + INJECTION, "state", "ACTIVE", "created",
                "2026-12-01T10:00:00Z", "activated", "2026-12-01T10:00:00Z", "retired", "", "retiredUntil", "",
                "thumbprint", INJECTION, "notAfter", "2028-12-01T10:00:00Z", "certificatePem", INJECTION));
        data.put("keysPage", Map.of("frame", frame("keys"), "done", "publish-next", "jwksUrl", "https://jira/" + INJECTION,
                "signing", Map.of("keys", List.of(keyRow), "hasNext", false, "problem", INJECTION),
                "secured", Map.of("unavailable", "", "present", true, "storeKeyId", INJECTION, "keyId", INJECTION,
                        "nextKeyId", INJECTION, "values", 2, "reEncrypted", true, "waiting", List.of(INJECTION),
                        "problem", ""),
                "nodes", List.of(Map.of("node", INJECTION, "writtenAt", "2026-12-01T10:00:00Z", "securedKeyId",
                        INJECTION)),
                "failure", Map.of("code", "LNY-113", "detail", INJECTION)));
        data.put("cloudForm", Map.of("frame", frame("cloud"), "form", EntraConnectorForm.of(connector).toSoy(),
                "isNew", true, "errors", errors, "secret", notSet, "check", connectorCheck));
        return data;
    }

    @Test
    void everyTemplateOfAdminSoyRendersWithEveryValueEscaped() throws IOException {
        Map<String, Map<String, Object>> data = everyTemplate();

        assertThat(data.keySet()).as("a new template needs its data here").containsExactlyInAnyOrderElementsOf(
                templateNames());
        for (Map.Entry<String, Map<String, Object>> template : data.entrySet()) {
            String html = templates.render(template.getKey(), template.getValue());
            assertThat(html).as(template.getKey()).isNotBlank().doesNotContain(INJECTION);
        }
    }

    @Test
    void thePluginRendersWithTheReducedSoyRuntimeNotWithSoyAndItsDependencies() {
        ClassLoader loader = AdminTemplatesTest.class.getClassLoader();

        // Soy's compiler is not in the reduced jar, and neither is ICU's locale data.
        assertThatThrownBy(() -> Class.forName("com.google.template.soy.SoyFileSet", false, loader))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("com.google.template.soy.jssrc.internal.JsSrcMain", false, loader))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(loader.getResource("com/ibm/icu/impl/data/icudt73b/root.res")).isNull();
        // What rendering needs is there, and comes from the one reduced jar.
        assertThat(loader.getResource("com/google/template/soy/jbcsrc/api/SoySauce.class").toString())
                .contains("lanyard-admin-templates");
        assertThat(loader.getResource("com/google/common/collect/ImmutableList.class").toString())
                .contains("lanyard-admin-templates");
    }

    /** Also prints what loading the precompiled templates and the first render cost (for the report). */
    @Test
    void precompiledTemplatesLoadAndRenderTheRefusalPageEscaped() {
        long start = System.nanoTime();
        AdminTemplates fresh = new AdminTemplates(LanyardText.english().asMap());
        long loaded = System.nanoTime();
        String html = fresh.render("refusal", Map.of("code", "LNY-701", "title", "<T>", "advice", "a&b",
                "frame", frame("")));
        long rendered = System.nanoTime();
        fresh.render("refusal", Map.of("code", "LNY-701", "title", "t", "advice", "a", "frame", frame("")));
        long second = System.nanoTime();
        System.out.printf("soy: load %.1f ms, first render %.1f ms, second render %.2f ms%n",
                (loaded - start) / 1e6, (rendered - loaded) / 1e6, (second - rendered) / 1e6);

        assertThat(html).contains("&lt;T&gt;").contains("a&amp;b").contains("LNY-701").doesNotContain("<T>");
    }
}
