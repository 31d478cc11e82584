package io.lanyard.plugin.web;

import java.util.Objects;
import java.util.Optional;

/**
 * What a failure page shows, as plain (unescaped) text: renderers escape every value.
 *
 * @param status        HTTP status of the page
 * @param code          the stable error code, e.g. {@code LNY-415}
 * @param title         short summary for the user
 * @param advice        what the user or the administrator can do
 * @param correlationId ties this page to one log line
 * @param providerError the identity provider's OAuth {@code error} code, when it sent one
 * @param tryAgainUrl   the host's login page
 * @param localLoginUrl the host's login page with the native-login marker
 * @param lastCode      on the loop breaker's page: the code of the last failure this browser saw, if it saw one
 */
public record ErrorPageModel(
        int status,
        String code,
        String title,
        String advice,
        String correlationId,
        Optional<String> providerError,
        String tryAgainUrl,
        String localLoginUrl,
        Optional<String> lastCode) {

    /** Without a last code: every page but the loop breaker's. */
    public ErrorPageModel(int status, String code, String title, String advice, String correlationId,
            Optional<String> providerError, String tryAgainUrl, String localLoginUrl) {
        this(status, code, title, advice, correlationId, providerError, tryAgainUrl, localLoginUrl, Optional.empty());
    }

    public ErrorPageModel {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(providerError, "providerError");
        Objects.requireNonNull(tryAgainUrl, "tryAgainUrl");
        Objects.requireNonNull(localLoginUrl, "localLoginUrl");
        Objects.requireNonNull(lastCode, "lastCode");
    }
}
