package io.lanyard.plugin.admin;

import io.lanyard.core.diagnostics.CheckFailure;
import io.lanyard.core.diagnostics.CheckWarning;
import io.lanyard.core.diagnostics.ProviderCheckReport;
import io.lanyard.core.discovery.ProviderMetadata;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The results of "Fetch" and "Test" as template data (plain values; the templates escape them). */
final class CheckViews {

    private CheckViews() {
    }

    static Map<String, Object> report(ProviderCheckReport report) {
        Map<String, Object> view = new HashMap<>();
        view.put("passed", report.passed());
        report.metadata().ifPresent(metadata -> view.put("metadata", metadata(metadata)));
        view.put("keys", report.keys());
        view.put("warnings", report.warnings().stream().map(CheckWarning::i18nKey).toList());
        report.failure().ifPresent(failure -> view.put("failure", failure(failure)));
        return view;
    }

    static Map<String, Object> metadata(ProviderMetadata metadata) {
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

    static Map<String, Object> failure(CheckFailure failure) {
        return Map.of("code", failure.code().code(), "titleKey", failure.code().i18nKey(), "detail", failure.detail());
    }
}
