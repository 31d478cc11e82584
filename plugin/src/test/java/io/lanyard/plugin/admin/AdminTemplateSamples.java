package io.lanyard.plugin.admin;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.diagnostics.CheckFailure;
import io.lanyard.core.diagnostics.CheckWarning;
import io.lanyard.core.diagnostics.GraphCheckReport;
import io.lanyard.core.diagnostics.ProviderCheckReport;
import io.lanyard.core.diagnostics.TokenIssuerCheckReport;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeySummary;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import io.lanyard.plugin.admin.integration.CheckViews;
import io.lanyard.plugin.admin.integration.FormLayout;
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

/**
 * Data for every template of admin.soy, the way the pages give it, with one text in every value a person or a
 * provider can choose: HTML to prove the escaping, or ordinary words to read the pages as text.
 */
final class AdminTemplateSamples {

    private static final Pattern TEMPLATE = Pattern.compile("\\{template (\\w+)}");

    final AdminTemplates templates = new AdminTemplates(LanyardText.english().asMap());
    private final String text;

    /** @param text what every chosen value holds, e.g. a display name, a typed value, a provider's answer */
    AdminTemplateSamples(String text) {
        this.text = text;
    }

    static Set<String> templateNames() throws IOException {
        try (InputStream in = AdminTemplateSamples.class.getClassLoader().getResourceAsStream("templates/admin.soy")) {
            Matcher matcher = TEMPLATE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> names = new TreeSet<>();
            matcher.results().forEach(result -> names.add(result.group(1)));
            return names;
        }
    }

    static Map<String, Object> frame(String tab) {
        Map<String, Object> frame = new HashMap<>();
        frame.put("contextPath", "/jira");
        frame.put("adminBase", "/jira/plugins/servlet/lanyard/admin");
        frame.put("decorator", "");
        frame.put("stylesheets", List.of(AdminTemplates.trusted("/jira/aui/aui.css")));
        frame.put("ownCss", AdminTemplates.trusted("/a/static/lanyard-admin.css"));
        frame.put("ownJs", AdminTemplates.trusted("/a/static/lanyard-admin.js"));
        frame.put("tab", tab);
        frame.put("xsrf", "token");
        frame.put("user", "admin");
        frame.put("logoutUrl", "/jira/logout");
        return frame;
    }

    Object html(String template, Map<String, ?> data) {
        return templates.fragment(template, data);
    }

    /** Every template's data, by template name. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> everyTemplate() {
        IdentityProviderConfig provider = IdentityProviderConfig.builder().id("GOxXFuPXJgiyAwuXugVG")
                .displayName("Keycloak " + text).discoveryUrl("https://idp.example.com/realms/acme")
                .clientId("lanyard").build();
        EntraConnectorConfig connector = EntraConnectorConfig.builder().id("wdlfqm6se9un")
                .displayName("Contoso " + text).tenantId("contoso.onmicrosoft.com")
                .clientId("11111111-2222-3333-4444-555555555555").build();
        ClientSecretResolver secrets = new ClientSecretResolver(
                Map.of(SecretPropertyNames.identityProvider(provider.id()), "from-the-environment"), Map.of(),
                SecuredPropertyValues.none());
        Map<String, Object> secret = SecretSection.of(provider, secrets).toSoy();
        Map<String, Object> notSet = SecretSection.of(connector, secrets).toSoy();
        Map<String, Object> failure = CheckViews.failurePage(new CheckFailure(ErrorCode.JWKS_INVALID, text));
        Map<String, Object> metadata = new HashMap<>();
        for (String key : List.of("issuer", "authorizationEndpoint", "tokenEndpoint", "jwksUri", "userInfoEndpoint",
                "endSessionEndpoint", "algorithms")) {
            metadata.put(key, "https://idp.example.com/" + text);
        }
        metadata.put("authMethods", "");
        Map<String, Object> failedCheck = CheckViews.reportPage(new ProviderCheckReport(Optional.empty(), List.of(),
                List.of(), Optional.of(new CheckFailure(ErrorCode.DISCOVERY_UNREACHABLE, text))));
        Map<String, Object> passedCheck = new HashMap<>(CheckViews.reportPage(new ProviderCheckReport(Optional.empty(),
                List.of(new KeySummary(Optional.of(text), "RSA"), new KeySummary(Optional.empty(), "EC")),
                List.of(CheckWarning.CLIENT_SECRET_NOT_SET), Optional.empty())));
        passedCheck.put("metadata", metadata);
        Map<String, Object> connectorCheck = CheckViews.connectorReport(new GraphCheckReport(
                URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"),
                URI.create("https://graph.microsoft.com/v1.0/organization"), Optional.empty(),
                Optional.of(new CheckFailure(ErrorCode.ENTRA_TOKEN_REFUSED, "refused")),
                Optional.of(new GraphCheckReport.RemoteError("invalid_client", text))));
        Map<String, Object> providerRow = new HashMap<>(Map.of("id", provider.id(), "displayName",
                provider.displayName(), "issuer", provider.issuer(), "enabled", true, "secret", secret));
        Map<String, Object> connectorRow = new HashMap<>(Map.of("id", connector.id(), "displayName",
                connector.displayName(), "tenantId", connector.tenantId(), "nationalCloud", "GLOBAL", "enabled", false,
                "secret", notSet));
        Map<String, List<String>> errors = Map.of("displayName", List.of(text), "id", List.of(text),
                "clockSkew", List.of(text), "clientSecret", List.of(text));
        Map<String, Object> keyType = Map.of("type", "RSA", "count", 2, "kids", List.of("a", text), "withoutKid", 1);
        Object idpResult = html("idpCheck", Map.of("check", passedCheck));
        Map<String, Object> discovery = Map.of("url", "https://idp.example.com/" + text, "metadata", metadata);

        Map<String, Map<String, Object>> data = new LinkedHashMap<>();
        data.put("frame", Map.of("frame", frame("idp"), "title", text, "content", html("xsrf", Map.of("token", "t"))));
        data.put("main", Map.of("frame", frame("cloud"), "content", html("xsrf", Map.of("token", "t"))));
        data.put("xsrf", Map.of("token", text));
        data.put("refusal", Map.of("frame", frame(""), "code", "LNY-701", "title", text, "advice", text));
        data.put("listMessages", Map.of("texts", "lanyard.admin.idp.", "saved", text, "deleted", true));
        data.put("listTest", Map.of("action", "/jira/plugins/servlet/lanyard/admin/idp/x/test", "xsrf", text,
                "buttonClass", "idp-test"));
        data.put("listTestResult", Map.of("columns", 5, "result", idpResult));
        data.put("idpList", Map.of("frame", frame("idp"), "providers", List.of(providerRow), "saved", text,
                "deleted", true, "tested", provider.id(), "testResult", idpResult));
        data.put("enabledLozenge", Map.of("enabled", false));
        data.put("deleteConfirmation", Map.of("frame", frame("idp"), "pages", "idp", "id", provider.id(), "name",
                text, "detail", text));
        data.put("idpDelete", Map.of("frame", frame("idp"), "provider", providerRow));
        data.put("formField", Map.of("field", field(IdentityProviderForm.LAYOUT.toSoy("idp",
                        Map.of("discoveryUrl", text), Map.of(), errors, false), "discoveryUrl"),
                "formAction", "/jira/plugins/servlet/lanyard/admin/idp/x", "actionDone", "fetch",
                "actionResult", html("idpFetchResult", Map.of("discovery", discovery))));
        data.put("copyable", Map.of("id", "field-callbackUrl", "value", text));
        data.put("secretLozenge", Map.of("secret", notSet));
        data.put("secretSection", Map.of("secret", secret, "errors", errors));
        data.put("announced", Map.of("value", ""));
        data.put("metadataTable", Map.of("metadata", metadata));
        data.put("failureMessage", Map.of("failure", failure, "id", "check-result"));
        data.put("keyType", Map.of("keys", keyType));
        data.put("idpCheck", Map.of("check", failedCheck));
        data.put("idpFetchResult", Map.of("discovery", discovery));
        data.put("integrationForm", formPage("idp", IdentityProviderForm.of(provider).toSoy(),
                IdentityProviderForm.newProvider(provider.id()).toSoy(), IdentityProviderForm.LAYOUT, errors, secret,
                idpResult));
        data.put("cloudList", Map.of("frame", frame("cloud"), "connectors", List.of(connectorRow), "saved", "",
                "deleted", false, "tested", connector.id(), "testResult",
                html("cloudCheck", Map.of("check", connectorCheck))));
        data.put("cloudDelete", Map.of("frame", frame("cloud"), "connector", connectorRow));
        data.put("cloudCheck", Map.of("check", connectorCheck));
        Map<String, Object> issuerRow = new HashMap<>(Map.of("id", "issuer000001", "displayName", text, "issuer",
                "https://sso.example.com/" + text, "tokenCheck", "BOTH", "clients", 2, "enabled", true, "secret",
                notSet));
        Map<String, Object> issuerCheck = CheckViews.tokenIssuerReport(new TokenIssuerCheckReport(List.of(
                new TokenIssuerCheckReport.Step("token", true, text),
                new TokenIssuerCheckReport.Step("check", false, text)),
                Optional.of(new CheckFailure(ErrorCode.BEARER_AUDIENCE_MISMATCH, text))));
        data.put("apiList", Map.of("frame", frame("api"), "issuers", List.of(issuerRow), "saved", text,
                "deleted", false, "tested", "issuer000001", "testResult", html("apiCheck", Map.of("check", issuerCheck))));
        data.put("apiDelete", Map.of("frame", frame("api"), "issuer", issuerRow));
        data.put("apiCheck", Map.of("check", issuerCheck));
        Map<String, Object> policyRow = new HashMap<>(Map.of("id", "bbdeploy0001", "displayName", text, "ciProvider",
                "BITBUCKET_PIPELINES", "issuer", "https://api.bitbucket.org/" + text, "account", text, "conditions",
                List.of("repositoryUuid=" + text), "warnings", List.of(text), "enabled", true));
        Map<String, Object> policyCheck = new HashMap<>(Map.of("passed", false, "keysUrl", "https://ci.example.com/" + text,
                "detail", text, "code", "LNY-953", "titleKey", "lanyard.error.ci_keys_unavailable", "adviceKey",
                "lanyard.error.ci_keys_unavailable.advice", "warnings", List.of(text)));
        data.put("ciList", Map.of("frame", frame("ci"), "policys", List.of(policyRow), "saved", text,
                "deleted", false, "tested", "bbdeploy0001", "testResult", html("ciCheck", Map.of("check", policyCheck))));
        data.put("ciDelete", Map.of("frame", frame("ci"), "policy", policyRow));
        data.put("ciCheck", Map.of("check", policyCheck));
        data.put("ciExplainResult", Map.of("explanation", Map.of("ours", true, "issuer", text, "rejection", "",
                "rejectionKey", "", "description", text, "granting", "bbdeploy0001", "policies", List.of(
                        Map.of("id", "bbdeploy0001", "displayName", text, "grants", true, "code", "", "description", ""),
                        Map.of("id", "bbrelease01x", "displayName", text, "grants", false, "code", "LNY-949",
                                "description", text)))));
        Map<String, Object> rotation = new HashMap<>((Map<String, Object>) secret.get("rotation"));
        rotation.put("nodes", List.of(Map.of("node", text, "writtenAt", "2026-12-01T10:00:00Z", "current",
                text, "next", text, "inUse", "NEXT", "stale", true)));
        rotation.put("expiry", Map.of("level", "DAYS_3", "code", "LNY-110", "endsOn", "2026-12-03", "daysLeft", "2",
                "label", text, "origin", "MICROSOFT_GRAPH", "checkedAt", "2026-12-01T10:00:00Z", "problemCode",
                "LNY-715", "problemMessage", text, "credentials", List.of(Map.of("label", text, "kind",
                        "CLIENT_SECRET", "use", "IN_USE", "endsOn", "2026-12-03", "level", "DAYS_3"),
                        Map.of("label", text, "kind", "CERTIFICATE", "use", "OTHER", "endsOn", "2027-12-03",
                                "level", "NONE"))));
        rotation.put("canPromote", true);
        data.put("secretRotation", Map.of("rotation", rotation, "errors", errors, "action", "/jira/a/idp/x",
                "file", "provider.xml"));
        Map<String, Object> keyRow = new HashMap<>(Map.of("keyId", "kid-" + text, "state", "ACTIVE", "created",
                "2026-12-01T10:00:00Z", "activated", "2026-12-01T10:00:00Z", "retired", "", "retiredUntil", "",
                "thumbprint", text, "notAfter", "2028-12-01T10:00:00Z", "certificatePem", text));
        data.put("keysPage", Map.of("frame", frame("keys"), "done", "publish-next", "jwksUrl", "https://jira/" + text,
                "signing", Map.of("keys", List.of(keyRow), "hasNext", false, "problem", text),
                "secured", Map.of("unavailable", "", "present", true, "storeKeyId", text, "keyId", text,
                        "nextKeyId", text, "values", 2, "reEncrypted", true, "waiting", List.of(text),
                        "problem", ""),
                "nodes", List.of(Map.of("node", text, "writtenAt", "2026-12-01T10:00:00Z", "securedKeyId",
                        text)),
                "failure", Map.of("code", "LNY-113", "detail", text)));
        data.put("signInPage", Map.of("frame", frame("signin"), "done", "open", "settings", Map.of("ssoEnforced", true,
                "loginPage", text, "passwordLogin", text, "systemAdministrators", true, "groups", List.of(text),
                "openUntil", text, "fileOpenUntil", text, "filePath", text, "settingsFile", text),
                "basicAuth", Map.of("refuse", true, "exceptAccounts", text, "exceptGroups", text,
                        "exceptAddresses", text, "trustedProxies", text, "offFile", text, "switchedOff", true,
                        "errors", List.of(Map.of("field", text, "message", text))),
                "failure", Map.of("code", "LNY-100", "detail", text),
                "pages", List.of(Map.of("id", "chooser", "state", "BROKEN", "problem", text, "file", text),
                        Map.of("id", "error", "state", "CUSTOM", "problem", "", "file", text),
                        Map.of("id", "logged-out", "state", "BUILT_IN", "problem", "", "file", text))));
        Map<String, Object> template = new HashMap<>();
        template.put("frame", frame("signin"));
        template.put("page", "chooser");
        template.put("source", text);
        template.put("state", "BROKEN");
        template.put("problem", text);
        template.put("variables", List.of(text));
        template.put("file", text);
        template.put("failure", Map.of("code", "LNY-810", "detail", text));
        data.put("signInPageTemplate", template);
        data.put("eventsPage", Map.of("frame", frame("events"), "filter", Map.of("user", text, "provider", text, "code",
                text, "type", "LOGIN_FAILED", "from", text, "until", text, "limit", "10"), "types",
                List.of("LOGIN_FAILED", text), "events", List.of(Map.of("time", "2026-12-06T10:00:00Z", "type",
                        "LOGIN_FAILED", "user", text, "actor", text, "provider", text, "code", "LNY-502", "reference",
                        text, "source", text, "details", text)), "exportQuery", "user=" + text, "storeFolder", text,
                "failure", Map.of("code", "LNY-852", "detail", text)));
        Map<String, Object> fetch = Map.of("url", "https://idp/" + text, "fetchedAt", "2026-12-06T10:00:00Z", "age",
                "5 min", "failedAt", "2026-12-06T10:05:00Z", "failure", "LNY-200", "fromCopy", true, "copyAt",
                "2026-12-06T10:00:00Z", "clockOffset", "-2 s");
        data.put("healthFetch", Map.of("fetch", fetch));
        data.put("healthPage", Map.of("frame", frame("health"), "providers", List.of(Map.of("id", text, "name", text,
                "enabled", false, "testUrl", "/jira/x?" + text, "debugUntil", "2026-12-06T10:30:00Z", "lastSuccess", text, "lastFailure", text,
                "lastFailureCode", "LNY-502", "discovery", fetch, "keys", fetch)), "openMinutes", "60", "now",
                "2026-12-06T10:06:00Z"));
        Map<String, Object> running = new HashMap<>(Map.of("phase", text, "usersRead", text, "groupsRead", text,
                "planned", text, "applied", text, "rate", text, "eta", text, "preview", true));
        Map<String, Object> report = new HashMap<>(Map.of("runId", text, "started", text, "outcome", text,
                "mode", text, "trigger", text, "actor", text, "node", text, "seconds", text,
                "counts", List.of(Map.of("name", text, "value", text)), "failure", text));
        report.put("errors", List.of(text));
        report.put("changes", List.of(text));
        report.put("phases", text);
        Map<String, Object> syncedConnector = new HashMap<>(Map.of("id", text, "name", text, "scheduled", true,
                "interval", text, "lastRun", text, "available", true, "problem", text, "running", running,
                "reports", List.of(report)));
        data.put("dirSyncPage", Map.of("frame", frame("dirsync"), "done", text, "connectors", List.of(syncedConnector),
                "failure", Map.of("code", "LNY-746", "detail", text)));
        return data;
    }

    /** The form page's data as the pages give it, the callback URL and every field's value included. */
    static Map<String, Object> formPage(String pages, Map<String, Object> form, Map<String, Object> defaults,
            FormLayout layout, Map<String, List<String>> errors,
            Map<String, Object> secret, Object testResult) {
        Map<String, Object> values = new HashMap<>(form);
        values.put("callbackUrl", "https://jira.example.com/plugins/servlet/lanyard/callback/" + form.get("id"));
        Map<String, Object> data = new HashMap<>();
        data.put("frame", frame(pages));
        data.put("pages", pages);
        data.put("id", form.get("id"));
        data.put("isNew", false);
        data.put("sections", layout.toSoy(pages, values, defaults, errors, true));
        data.put("errorSummary", layout.errorSummary(errors));
        data.put("errors", errors);
        data.put("testRefused", true);
        data.put("actionDone", "");
        data.put("secret", secret);
        data.put("testResult", testResult);
        return data;
    }

    /** One field of the layout's sections, as the form template gets it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> field(List<Map<String, Object>> sections, String name) {
        return sections.stream()
                .flatMap(section -> java.util.stream.Stream.concat(
                        ((List<Map<String, Object>>) section.get("fields")).stream(),
                        ((List<Map<String, Object>>) section.get("advanced")).stream()))
                .filter(field -> field.get("name").equals(name)).findFirst().orElseThrow();
    }
}
