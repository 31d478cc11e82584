package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9700 §4.11: the return URL after login may only lead below our own base URL. */
class ReturnPathPolicyTest {

    private static final URI BASE = URI.create("https://jira.example.com/jira");

    @ParameterizedTest
    @CsvSource({
        "/browse/ABC-1,                                          /browse/ABC-1",
        "/secure/Dashboard.jspa?selectPageId=1,                  /secure/Dashboard.jspa?selectPageId=1",
        "https://jira.example.com/jira/browse/ABC-1,             /browse/ABC-1",
        "https://JIRA.example.com:443/jira/issues/?jql=a%3Db,    /issues/?jql=a%3Db",
        "https://jira.example.com/jira,                          /",
    })
    void sanitizeWhenBelowBaseUrlThenKeepsThePath(String requested, String expected) {
        assertThat(ReturnPathPolicy.sanitize(requested, BASE)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://evil.example.com/",
        "//evil.example.com/path",
        "/\\evil.example.com",
        "\\\\evil.example.com",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://jira.example.com.evil.com/jira/",
        "https://jira.example.com/jiraother/x",
        "https://jira.example.com/other",
        "http://jira.example.com/jira/browse/X",
        "https://jira.example.com:8443/jira/x",
        "https://user@jira.example.com/jira/x",
        "/browse/X\r\nSet-Cookie: a=b",
        "/browse/X%0d%0aLocation:%20https://evil",
        "browse/relative",
        "",
        " /leading-space",
    })
    void sanitizeWhenAnywhereElseThenHome(String requested) {
        String result = ReturnPathPolicy.sanitize(requested, BASE);

        assertThat(result).startsWith("/").doesNotStartWith("//");
        if (!requested.startsWith("/browse/X%0d")) {
            assertThat(result).isEqualTo("/");
        }
    }

    @org.junit.jupiter.api.Test
    void sanitizeWhenEncodedCrLfThenStaysEncodedInsideOurOrigin() {
        // Encoded characters cannot inject a header: they stay percent-encoded in a path on our origin.
        assertThat(ReturnPathPolicy.sanitize("/browse/X%0d%0aLocation:%20https://evil", BASE))
                .isEqualTo("/browse/X%0d%0aLocation:%20https://evil");
    }

    @org.junit.jupiter.api.Test
    void sanitizeWhenNullThenHome() {
        assertThat(ReturnPathPolicy.sanitize(null, BASE)).isEqualTo("/");
    }

    @org.junit.jupiter.api.Test
    void sanitizeWhenLongerThanLimitThenHome() {
        assertThat(ReturnPathPolicy.sanitize("/" + "a".repeat(3000), BASE)).isEqualTo("/");
    }

    @org.junit.jupiter.api.Test
    void sanitizeWhenBaseUrlHasNoContextPathThenAbsoluteUrlOnOriginKeepsPath() {
        assertThat(ReturnPathPolicy.sanitize("http://localhost:8080/pages/x?y=1", URI.create("http://localhost:8080")))
                .isEqualTo("/pages/x?y=1");
    }
}
