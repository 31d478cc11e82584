package io.lanyard.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real time plus a shift a test moves on: Lanyard's logins see time pass that the test does not wait for. */
final class ShiftedClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    void advance(Duration more) {
        shift = shift.plus(more);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
