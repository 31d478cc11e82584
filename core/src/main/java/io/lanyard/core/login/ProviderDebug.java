package io.lanyard.core.login;

import io.lanyard.core.error.LogText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debug logging of one identity provider's logins for a bounded time, switched on from the admin page Health: each
 * step of a login (authorization request, callback, token response, ID token, claims, account) as one INFO line on the
 * logger {@value #LOGGER}, so that no log configuration has to change. Every line goes through {@link #redact}: no
 * token, authorization code, state, nonce, PKCE verifier, secret or cookie reaches the log, whatever the step quotes.
 *
 * <p>Costs one lookup in an empty map per login while nothing is switched on. The time box ends by itself.
 */
public final class ProviderDebug {

    public static final String LOGGER = "io.lanyard.debug";
    /** The longest a provider's debug logging runs. */
    public static final Duration MAX = Duration.ofHours(1);
    static final String REDACTED = "[redacted]";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** A JWT or JWE in compact form: what an ID, access, refresh or logout token looks like. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_.-]*");
    /** Query and form parameters, JSON members and headers whose values are secrets or single-use values. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)((?:^|[?&\\s,;{\"'])\"?(?:code|state|nonce"
            + "|code_verifier|code_challenge|client_secret|client_assertion|id_token|access_token|refresh_token"
            + "|id_token_hint|logout_token|password|assertion)\"?\\s*[=:]\\s*\"?)[^&\\s,;\"'}]+");
    private static final Pattern COOKIE = Pattern.compile("(?i)((?:set-)?cookie\\s*[:=]\\s*)[^\\r\\n]+");
    private static final Pattern BASIC = Pattern.compile("(?i)((?:basic|bearer)\\s+)[A-Za-z0-9._~+/=-]+");

    private final Clock clock;
    private final Map<String, Instant> until = new ConcurrentHashMap<>();

    public ProviderDebug(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Logs this provider's logins until {@code duration} from now (at most {@link #MAX}).
     *
     * @return when it ends
     */
    public Instant switchOn(String identityProviderId, Duration duration) {
        Duration bounded = duration.compareTo(MAX) > 0 ? MAX : duration.isNegative() ? Duration.ZERO : duration;
        Instant end = clock.instant().plus(bounded);
        until.put(identityProviderId, end);
        LOG.info("[debug {}] on until {}: each step of its logins, tokens, codes, secrets and cookies redacted",
                identityProviderId, end);
        return end;
    }

    public void switchOff(String identityProviderId) {
        if (until.remove(identityProviderId) != null) {
            LOG.info("[debug {}] off", identityProviderId);
        }
    }

    /** Until when this provider's logins are logged, if they are now. */
    public Optional<Instant> onUntil(String identityProviderId) {
        Instant end = until.get(identityProviderId);
        if (end == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(end)) {
            until.remove(identityProviderId, end);
            LOG.info("[debug {}] off: its time is over", identityProviderId);
            return Optional.empty();
        }
        return Optional.of(end);
    }

    boolean isOn(String identityProviderId) {
        return !until.isEmpty() && onUntil(identityProviderId).isPresent();
    }

    /** One step of a login, redacted, on one line. */
    void step(String identityProviderId, String step, String text) {
        if (isOn(identityProviderId)) {
            LOG.info("[debug {}] {}: {}", identityProviderId, step, redact(LogText.oneLine(text)));
        }
    }

    /** The text with every token, code, single-use value, secret, credential and cookie replaced. */
    static String redact(String text) {
        String redacted = JWT.matcher(text).replaceAll("[token]");
        redacted = COOKIE.matcher(redacted).replaceAll("$1" + REDACTED);
        redacted = BASIC.matcher(redacted).replaceAll("$1" + REDACTED);
        return SECRET_PARAMETER.matcher(redacted).replaceAll("$1" + REDACTED);
    }
}
