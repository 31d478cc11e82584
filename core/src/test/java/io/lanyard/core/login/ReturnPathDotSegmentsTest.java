package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dot segments in the return path (the security review's LOW finding): {@code ..}, {@code %2e%2e} and {@code ..;}
 * let a same-origin URL leave the base path, e.g. from Jira at {@code /jira} to another application at
 * {@code /confluence} on the same host. The path is normalised as a browser (and Tomcat) resolves it before the
 * prefix check, and a path that climbs above the root goes home.
 */
class ReturnPathDotSegmentsTest {

    private static final URI BASE = URI.create("https://apps.example.com/jira");

    @ParameterizedTest
    @ValueSource(strings = {
        "https://apps.example.com/jira/../confluence/admin",
        "https://apps.example.com/jira/%2e%2e/confluence/admin",
        "https://apps.example.com/jira/%2E%2E/confluence/admin",
        "https://apps.example.com/jira/.%2e/confluence/admin",
        "https://apps.example.com/jira/..;/confluence/admin",
        "https://apps.example.com/jira/..;jsessionid=x/confluence/admin",
        "https://apps.example.com/jira/browse/../../confluence",
        "https://apps.example.com/jira/%2f..%2fconfluence",
        "https://apps.example.com/jira/..%5cconfluence",
    })
    void aSameOriginUrlThatLeavesTheBasePathThroughDotSegmentsGoesHome(String requested) {
        assertThat(ReturnPathPolicy.sanitize(requested, BASE)).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../confluence/admin",
        "/%2e%2e/confluence/admin",
        "/..;/confluence/admin",
        "/browse/../../confluence",
        "/./../confluence",
    })
    void aRelativePathThatClimbsAboveTheBasePathGoesHome(String requested) {
        // appended to the context path "/jira", "/../confluence" would be "/confluence" in the browser
        assertThat(ReturnPathPolicy.sanitize(requested, BASE)).isEqualTo("/");
    }

    @ParameterizedTest
    @CsvSource({
        "/browse/../secure/Dashboard.jspa?a=1, /secure/Dashboard.jspa?a=1",
        "/browse/./ABC-1, /browse/ABC-1",
        "/browse/%2e/ABC-1, /browse/ABC-1",
        "/browse/ABC-1/.., /browse/",
        "https://apps.example.com/jira/browse/../projects, /projects",
        "https://apps.example.com/jira/browse/x/..;/y, /browse/y",
    })
    void dotSegmentsThatStayBelowTheBasePathAreResolved(String requested, String expected) {
        assertThat(ReturnPathPolicy.sanitize(requested, BASE)).isEqualTo(expected);
    }

    @Test
    void aResolvedPathThatBecomesProtocolRelativeGoesHome() {
        // "/x/..//evil.example.com" resolves to "//evil.example.com"
        assertThat(ReturnPathPolicy.sanitize("/x/..//evil.example.com/y", BASE)).isEqualTo("/");
    }

    @Test
    void segmentsThatMerelyContainDotsAreKept() {
        assertThat(ReturnPathPolicy.sanitize("/files/..hidden/a...b/v1.2", BASE)).isEqualTo("/files/..hidden/a...b/v1.2");
    }
}
