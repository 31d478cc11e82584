package io.lanyard.core.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** "warn 30, 14 and 3 days ahead": the steps, their boundaries and their codes. */
class ExpiryLevelTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static ExpiryLevel inDays(long days, long extraHours) {
        return ExpiryLevel.at(NOW, NOW.plus(Duration.ofDays(days).plusHours(extraHours)));
    }

    @Test
    void eachStepStartsOnItsDay() {
        assertThat(inDays(31, 0)).isEqualTo(ExpiryLevel.NONE);
        assertThat(inDays(30, 23)).isEqualTo(ExpiryLevel.DAYS_30);
        assertThat(inDays(15, 0)).isEqualTo(ExpiryLevel.DAYS_30);
        assertThat(inDays(14, 23)).isEqualTo(ExpiryLevel.DAYS_14);
        assertThat(inDays(4, 0)).isEqualTo(ExpiryLevel.DAYS_14);
        assertThat(inDays(3, 23)).isEqualTo(ExpiryLevel.DAYS_3);
        assertThat(inDays(0, 1)).isEqualTo(ExpiryLevel.DAYS_3);
        assertThat(ExpiryLevel.at(NOW, NOW)).isEqualTo(ExpiryLevel.EXPIRED);
        assertThat(inDays(-1, 0)).isEqualTo(ExpiryLevel.EXPIRED);
    }

    @Test
    void aheadOfTheEndTheCodeIsLny110AndAfterItLny111() {
        assertThat(ExpiryLevel.NONE.errorCode()).isEmpty();
        assertThat(ExpiryLevel.DAYS_30.errorCode()).contains(ErrorCode.CLIENT_SECRET_EXPIRES_SOON);
        assertThat(ExpiryLevel.DAYS_3.errorCode()).contains(ErrorCode.CLIENT_SECRET_EXPIRES_SOON);
        assertThat(ExpiryLevel.EXPIRED.errorCode()).contains(ErrorCode.CLIENT_SECRET_EXPIRED);
    }
}
