package io.lanyard.core.expiry;

import io.lanyard.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How soon a credential ends, in the steps administrators are warned at: 30, 14 and 3 days ahead, and once it has
 * ended. Ordered from harmless to ended.
 */
public enum ExpiryLevel {
    /** More than 30 days left (or no end known). */
    NONE(Long.MAX_VALUE),
    /** 30 days or fewer left. */
    DAYS_30(30),
    /** 14 days or fewer left. */
    DAYS_14(14),
    /** 3 days or fewer left. */
    DAYS_3(3),
    /** Ended. */
    EXPIRED(-1);

    private final long days;

    ExpiryLevel(long days) {
        this.days = days;
    }

    /** The level of a credential that ends at {@code end}, seen at {@code now}. */
    public static ExpiryLevel at(Instant now, Instant end) {
        if (!end.isAfter(now)) {
            return EXPIRED;
        }
        long left = Duration.between(now, end).toDays();
        ExpiryLevel level = NONE;
        for (ExpiryLevel candidate : values()) {
            if (candidate != EXPIRED && left <= candidate.days) {
                level = candidate;
            }
        }
        return level;
    }

    /** The code an administrator sees with the warning: LNY-110 ahead of the end, LNY-111 after it. */
    public Optional<ErrorCode> errorCode() {
        return switch (this) {
            case NONE -> Optional.empty();
            case DAYS_30, DAYS_14, DAYS_3 -> Optional.of(ErrorCode.CLIENT_SECRET_EXPIRES_SOON);
            case EXPIRED -> Optional.of(ErrorCode.CLIENT_SECRET_EXPIRED);
        };
    }

    public boolean warns() {
        return this != NONE;
    }
}
