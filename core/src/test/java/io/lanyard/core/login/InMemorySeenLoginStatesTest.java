package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemorySeenLoginStatesTest {

    private final MutableClock clock = new MutableClock();
    private final Instant inTenMinutes = clock.instant().plus(Duration.ofMinutes(10));

    @Test
    void aStateIsUsedOnceUntilItsLoginExpires() {
        InMemorySeenLoginStates seen = new InMemorySeenLoginStates(clock);

        assertThat(seen.firstUse("s1", inTenMinutes)).isTrue();
        assertThat(seen.firstUse("s1", inTenMinutes)).as("a replay").isFalse();
        assertThat(seen.firstUse("s2", inTenMinutes)).isTrue();
    }

    @Test
    void expiredStatesAreForgottenSoTheSetStaysSmall() {
        InMemorySeenLoginStates seen = new InMemorySeenLoginStates(clock);
        for (int i = 0; i < 100; i++) {
            seen.firstUse("old-" + i, inTenMinutes);
        }
        clock.advance(Duration.ofMinutes(11));

        seen.firstUse("new", clock.instant().plus(Duration.ofMinutes(10)));

        assertThat(seen.size()).isEqualTo(1);
    }

    @Test
    void whenFullOfLiveLoginsTheOldestIsForgottenFirst() {
        InMemorySeenLoginStates seen = new InMemorySeenLoginStates(clock, 3);
        seen.firstUse("a", inTenMinutes);
        seen.firstUse("b", inTenMinutes);
        seen.firstUse("c", inTenMinutes);

        assertThat(seen.firstUse("d", inTenMinutes)).isTrue();

        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.firstUse("b", inTenMinutes)).isFalse();
        assertThat(seen.firstUse("a", inTenMinutes)).as("forgotten to make room").isTrue();
    }
}
