package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The return path's limits at their edges (open redirect defence, RFC 9700 §4.11): the longest path accepted, the
 * first printable character, and same-origin URLs against a base URL written with a trailing slash.
 */
class ReturnPathPolicyEdgesTest {

    private static final URI BASE = URI.create("https://jira.example.com/jira");
    private static final int MAX_LENGTH = 2048;

    @Test
    void aPathOfTheMaximumLengthIsKept() {
        String longest = "/" + "a".repeat(MAX_LENGTH - 1);

        assertThat(ReturnPathPolicy.sanitize(longest, BASE)).isEqualTo(longest);
    }

    @Test
    void aPathOneCharacterLongerThanTheMaximumGoesHome() {
        assertThat(ReturnPathPolicy.sanitize("/" + "a".repeat(MAX_LENGTH), BASE)).isEqualTo("/");
    }

    @Test
    void theFirstPrintableCharacterIsNotForbidden() {
        // '!' (0x21) follows the forbidden range; Bamboo's own pages have it in their paths.
        assertThat(ReturnPathPolicy.sanitize("/userlogin!doDefault.action?x=!", BASE)).isEqualTo("/userlogin!doDefault.action?x=!");
    }

    @Test
    void aSameOriginUrlBelowABaseUrlWithATrailingSlashBecomesItsPath() {
        assertThat(ReturnPathPolicy.sanitize("https://jira.example.com/jira/browse/ABC-1?focus=1",
                URI.create("https://jira.example.com/jira/"))).isEqualTo("/browse/ABC-1?focus=1");
    }

    @Test
    void aSameOriginUrlWhosePathStartsWithTwoSlashesGoesHome() {
        // "//evil.example.com/x" would be protocol-relative once the base path is cut off.
        assertThat(ReturnPathPolicy.sanitize("https://jira.example.com//evil.example.com/x", URI.create("https://jira.example.com")))
                .isEqualTo("/");
    }
}
