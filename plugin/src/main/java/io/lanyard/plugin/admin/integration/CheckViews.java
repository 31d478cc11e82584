package io.lanyard.plugin.admin.integration;

import io.lanyard.core.diagnostics.CheckFailure;
import io.lanyard.core.diagnostics.CheckWarning;
import io.lanyard.core.diagnostics.GraphCheckReport;
import io.lanyard.core.diagnostics.ProviderCheckReport;
import io.lanyard.core.diagnostics.TokenIssuerCheckReport;
import io.lanyard.core.discovery.ProviderMetadata;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeySummary;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of "Fetch" and "Test" as template data and as the JSON API's bodies (plain values; the templates
 * escape them).
 */
public final class CheckViews {

    private CheckViews() {
    }

    /** An identity provider's "Test" in the API: {@code keys} as {@code "<kid> <type>"} texts. */
    public static Map<String, Object> report(ProviderCheckReport report) {
        Map<String, Object> view = new HashMap<>();
        view.put("passed", report.passed());
        report.metadata().ifPresent(metadata -> view.put("metadata", metadata(metadata)));
        view.put("keys", report.keys().stream().map(KeySummary::description).toList());
        view.put("warnings", report.warnings().stream().map(CheckWarning::i18nKey).toList());
        report.failure().ifPresent(failure -> view.put("failure", failure(failure)));
        return view;
    }

    /**
     * An identity provider's "Test" on the pages: the keys by type, so that the page can say "1 RSA key (kid
     * sandbox)", and a failure with what to do about it.
     */
    public static Map<String, Object> reportPage(ProviderCheckReport report) {
        Map<String, Object> view = new HashMap<>();
        view.put("passed", report.passed());
        report.metadata().ifPresent(metadata -> view.put("metadata", metadata(metadata)));
        view.put("keyTypes", keyTypes(report.keys()));
        view.put("warnings", report.warnings().stream().map(CheckWarning::i18nKey).toList());
        report.failure().ifPresent(failure -> view.put("failure", failurePage(failure)));
        return view;
    }

    /** The keys grouped by type, in the order the provider lists them: type, count, the kids, how many have none. */
    static List<Map<String, Object>> keyTypes(List<KeySummary> keys) {
        Map<String, List<KeySummary>> byType = new LinkedHashMap<>();
        keys.forEach(key -> byType.computeIfAbsent(key.type(), type -> new ArrayList<>()).add(key));
        return byType.entrySet().stream().<Map<String, Object>>map(type -> Map.of(
                "type", type.getKey(),
                "count", type.getValue().size(),
                "kids", type.getValue().stream().flatMap(key -> key.keyId().stream()).toList(),
                "withoutKid", (int) type.getValue().stream().filter(key -> key.keyId().isEmpty()).count())).toList();
    }

    public static Map<String, Object> metadata(ProviderMetadata metadata) {
        Map<String, Object> view = new HashMap<>();
        view.put("issuer", metadata.issuer());
        view.put("authorizationEndpoint", metadata.authorizationEndpoint().toString());
        view.put("tokenEndpoint", metadata.tokenEndpoint().toString());
        view.put("jwksUri", metadata.jwksUri().toString());
        view.put("userInfoEndpoint", metadata.userInfoEndpoint().map(URI::toString).orElse(""));
        view.put("endSessionEndpoint", metadata.endSessionEndpoint().map(URI::toString).orElse(""));
        view.put("algorithms", String.join(" ", metadata.signingAlgorithms().stream().sorted().toList()));
        view.put("authMethods", String.join(" ", metadata.tokenEndpointAuthMethods().stream().sorted().toList()));
        return view;
    }

    /** A failure in the API: the code, its text's key and the detail. */
    public static Map<String, Object> failure(CheckFailure failure) {
        return Map.of("code", failure.code().code(), "titleKey", failure.code().i18nKey(), "detail", failure.detail());
    }

    /** A failure on the pages: besides the API's, the key of what to do about it. */
    public static Map<String, Object> failurePage(CheckFailure failure) {
        Map<String, Object> view = new HashMap<>(failure(failure));
        view.put("adviceKey", adviceKey(failure.code()));
        return view;
    }

    private static String adviceKey(ErrorCode code) {
        return code.i18nKey() + ".advice";
    }

    /**
     * A connector's "Test": the organization read, or the failure with what Entra ID or Graph said. Flat strings
     * ("" when absent), so the template needs no optional records.
     */
    public static Map<String, Object> connectorReport(GraphCheckReport report) {
        Map<String, Object> view = new HashMap<>();
        view.put("passed", report.passed());
        view.put("tokenEndpoint", report.tokenEndpoint().toString());
        view.put("graphUrl", report.graphUrl().toString());
        view.put("organizationName", report.organization().map(GraphCheckReport.Organization::displayName).orElse(""));
        view.put("organizationId", report.organization().map(GraphCheckReport.Organization::id).orElse(""));
        view.put("code", report.failure().map(f -> f.code().code()).orElse(""));
        view.put("titleKey", report.failure().map(f -> f.code().i18nKey()).orElse(""));
        view.put("adviceKey", report.failure().map(f -> adviceKey(f.code())).orElse(""));
        view.put("detail", report.failure().map(CheckFailure::detail).orElse(""));
        // Who said no: Graph for LNY-712, otherwise the token endpoint of Entra ID.
        view.put("remoteSource", report.remoteError().isEmpty() ? ""
                : report.failure().map(f -> f.code() == ErrorCode.GRAPH_REQUEST_REFUSED ? "graph" : "entra").orElse(""));
        view.put("remoteCode", report.remoteError().map(GraphCheckReport.RemoteError::code).orElse(""));
        view.put("remoteDescription", report.remoteError().map(GraphCheckReport.RemoteError::description).orElse(""));
        return view;
    }

    /** A token issuer's test for the page: each step, and the failure's code, title, advice and detail. */
    public static Map<String, Object> tokenIssuerReport(TokenIssuerCheckReport report) {
        Map<String, Object> view = new HashMap<>();
        view.put("passed", report.passed());
        view.put("steps", report.steps().stream().map(step -> Map.<String, Object>of("name", step.name(),
                "passed", step.passed(), "detail", step.detail())).toList());
        view.put("code", report.failure().map(f -> f.code().code()).orElse(""));
        view.put("titleKey", report.failure().map(f -> f.code().i18nKey()).orElse(""));
        view.put("adviceKey", report.failure().map(f -> adviceKey(f.code())).orElse(""));
        view.put("detail", report.failure().map(CheckFailure::detail).orElse(""));
        return view;
    }

    /** A token issuer's test in the API: {@code steps}, and {@code failure} when one failed. */
    static Map<String, Object> tokenIssuerReportJson(TokenIssuerCheckReport report) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("passed", report.passed());
        result.put("steps", report.steps().stream().map(step -> Map.of("name", step.name(), "passed", step.passed(),
                "detail", step.detail())).toList());
        report.failure().ifPresent(failure -> result.put("failure", failure(failure)));
        return result;
    }

    /** A connector's test in the API: {@code organization}, or {@code failure} (with {@code remoteError} if any). */
    static Map<String, Object> connectorReportJson(GraphCheckReport report) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("passed", report.passed());
        result.put("tokenEndpoint", report.tokenEndpoint().toString());
        result.put("graphUrl", report.graphUrl().toString());
        report.organization().ifPresent(organization -> result.put("organization",
                Map.of("id", organization.id(), "displayName", organization.displayName())));
        report.failure().ifPresent(failure -> result.put("failure", failure(failure)));
        report.remoteError().ifPresent(remote -> result.put("remoteError",
                Map.of("code", remote.code(), "description", remote.description())));
        return result;
    }
}
