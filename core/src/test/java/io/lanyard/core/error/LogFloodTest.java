package io.lanyard.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Log floods: the first of a kind per minute in full, the rest as one count, never one line per request. */
class LogFloodTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final List<String> summaries = new ArrayList<>();
    private final LogFlood flood = new LogFlood(clock, Duration.ofMinutes(1),
            (kind, times, window) -> summaries.add(kind + " x" + times));

    @Test
    void aThousandIdenticalFailuresInAMinuteAreOneLineAndThenOneCount() {
        int logged = 0;
        for (int i = 0; i < 1000; i++) {
            logged += flood.admit("LNY-200 idp=kc") ? 1 : 0;
            clock.advance(Duration.ofMillis(50));
        }
        assertThat(logged).isEqualTo(1);
        assertThat(summaries).isEmpty();

        clock.advance(Duration.ofSeconds(11));
        assertThat(flood.admit("LNY-502 idp=kc")).isTrue();

        assertThat(summaries).containsExactly("LNY-200 idp=kc x999");
        assertThat(flood.admit("LNY-200 idp=kc")).as("a new minute begins in full").isTrue();
    }

    @Test
    void differentKindsAreCountedApart() {
        assertThat(flood.admit("LNY-200 idp=a")).isTrue();
        assertThat(flood.admit("LNY-200 idp=b")).isTrue();
        assertThat(flood.admit("LNY-200 idp=a")).isFalse();

        clock.advance(Duration.ofMinutes(1));
        flood.admit("other");

        assertThat(summaries).containsExactly("LNY-200 idp=a x1");
    }
}
