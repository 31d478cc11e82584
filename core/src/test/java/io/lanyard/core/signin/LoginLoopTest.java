package io.lanyard.core.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginLoopTest {

    private static final Duration WINDOW = Duration.ofSeconds(60);
    private final Instant now = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void countsLoginsWithinTheWindowAcrossRequests() {
        LoginLoop loop = LoginLoop.none(now);
        for (int i = 0; i < 5; i++) {
            assertThat(loop.isLoop(5)).isFalse();
            loop = LoginLoop.fromText(loop.started().toText(), now.plusSeconds(i), WINDOW);
        }
        assertThat(loop.count()).isEqualTo(5);
        assertThat(loop.isLoop(5)).isTrue();
    }

    @Test
    void theCountStartsAgainAfterTheWindow() {
        String text = new LoginLoop(9, now, java.util.Optional.empty()).toText();

        assertThat(LoginLoop.fromText(text, now.plusSeconds(59), WINDOW).count()).isEqualTo(9);
        assertThat(LoginLoop.fromText(text, now.plusSeconds(60), WINDOW).count()).isZero();
    }

    @Test
    void keepsTheLastFailureCode() {
        String text = LoginLoop.none(now).started().failedWith("LNY-403").toText();

        assertThat(LoginLoop.fromText(text, now, WINDOW).lastCode()).contains("LNY-403");
    }

    @Test
    void anythingElseInTheCookieStartsAgain() {
        for (String text : new String[] {null, "", "x", "1", "-1." + now.getEpochSecond(), "3." + (now.getEpochSecond()
                + 3600), "2." + now.getEpochSecond() + ".<script>", "9".repeat(50)}) {
            LoginLoop loop = LoginLoop.fromText(text, now, WINDOW);
            assertThat(loop.lastCode()).isEmpty();
            if (text == null || !text.startsWith("2.")) {
                assertThat(loop.count()).as(String.valueOf(text)).isZero();
            }
        }
    }
}
