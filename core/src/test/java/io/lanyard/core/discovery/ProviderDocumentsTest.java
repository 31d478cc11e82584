package io.lanyard.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copies in the shared home, and what each fetch says about the provider (its clock included). */
class ProviderDocumentsTest {

    private static final URI URL = URI.create("https://idp.example.com/.well-known/openid-configuration");

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));

    private static ProviderDocuments.Fetched answer(String body, String date) {
        HTTPResponse response = new HTTPResponse(200);
        response.setContent(body);
        if (date != null) {
            response.setHeader("Date", date);
        }
        return ProviderDocuments.Fetched.of(response);
    }

    @Test
    void theProvidersClockIsMeasuredFromItsDateHeader() {
        ProviderDocuments documents = ProviderDocuments.inFolder(home, clock);

        documents.fetch(URL, () -> answer("{}", "Sun, 06 Dec 2026 10:00:42 GMT"), body -> body);

        assertThat(documents.status(URL).orElseThrow().clockOffset()).contains(Duration.ofSeconds(42));
    }

    @Test
    void aDocumentThatFailsItsChecksIsNeitherKeptNorHiddenBehindTheCopy() {
        ProviderDocuments documents = ProviderDocuments.inFolder(home, clock);
        documents.fetch(URL, () -> answer("good", null), body -> body);

        assertThatThrownBy(() -> documents.fetch(URL, () -> answer("bad", null), body -> {
            throw new LoginFailedException(ErrorCode.DISCOVERY_ISSUER_MISMATCH, "another issuer");
        })).isInstanceOf(LoginFailedException.class);

        // the copy is still the good one, used only when the provider cannot be reached
        String used = documents.fetch(URL, () -> {
            throw new LoginFailedException(ErrorCode.DISCOVERY_UNREACHABLE, "down");
        }, body -> body);
        assertThat(used).isEqualTo("good");
        assertThat(documents.status(URL).orElseThrow().servedFromCopy()).isTrue();
    }
}
