package io.lanyard.core.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The loop breaker's count of the logins one browser started: {@code count} logins since {@code since}, kept in the
 * browser itself (a cookie the edge writes with {@link #toText()}), so no node keeps anything per browser. A browser
 * that starts more logins within the window than a person does (the product keeps sending it back to its login page,
 * the provider keeps failing at once) is a loop: it is stopped with a page instead of being sent round again.
 *
 * @param count how many logins started since {@code since}
 * @param since when the first of them started (whole seconds)
 * @param lastCode the code of the last failure this browser saw, if any (shown on the loop page)
 */
public record LoginLoop(int count, Instant since, Optional<String> lastCode) {

    private static final int MAX_TEXT = 40;

    public LoginLoop {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastCode, "lastCode");
    }

    /** No logins yet. */
    public static LoginLoop none(Instant now) {
        return new LoginLoop(0, now, Optional.empty());
    }

    /**
     * The count a cookie holds ({@code <count>.<epoch seconds>[.<code>]}); anything else, or a count older than the
     * window, starts again.
     */
    public static LoginLoop fromText(String text, Instant now, Duration window) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            return none(now);
        }
        String[] parts = text.split("\\.", -1);
        try {
            int count = Integer.parseInt(parts[0]);
            Instant since = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            Optional<String> code = parts.length > 2 && parts[2].matches("LNY-\\d{3}") ? Optional.of(parts[2])
                    : Optional.empty();
            if (count < 0 || since.isAfter(now) || !since.plus(window).isAfter(now)) {
                return none(now);
            }
            return new LoginLoop(count, since, code);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return none(now);
        }
    }

    /** One more login started now. */
    public LoginLoop started() {
        return new LoginLoop(count + 1, since, lastCode);
    }

    /** The code of a failure this browser saw. */
    public LoginLoop failedWith(String code) {
        return new LoginLoop(count, since, Optional.of(code));
    }

    /** Whether starting one more login would be one more than {@code maxLogins} within the window: a loop. */
    public boolean isLoop(int maxLogins) {
        return count >= maxLogins;
    }

    /** What the cookie holds. */
    public String toText() {
        return count + "." + since.getEpochSecond() + lastCode.map(code -> "." + code).orElse("");
    }

    /** Until when the cookie must be kept: the end of the window. */
    public Instant expiresAt(Duration window) {
        return since.plus(window);
    }
}
