package io.lanyard.core.mapping;

import io.lanyard.core.config.UsernameMapping;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns verified claims into a host username as one provider's {@link UsernameMapping} says. Immutable. */
public final class UsernameMapper {

    private final UsernameMapping mapping;
    private final Optional<Pattern> pattern;

    public UsernameMapper(UsernameMapping mapping) {
        this.mapping = mapping;
        this.pattern = mapping.pattern().map(Pattern::compile);
    }

    public UsernameMapping mapping() {
        return mapping;
    }

    /**
     * @throws LoginFailedException {@code USERNAME_CLAIM_MISSING} or {@code USERNAME_TRANSFORM_NO_MATCH}
     */
    public String username(Map<String, Object> claims) {
        String value = firstPresentClaim(claims);
        String username = pattern.map(p -> transform(p, value)).orElse(value);
        return mapping.lowerCase() ? username.toLowerCase(Locale.ROOT) : username;
    }

    private String firstPresentClaim(Map<String, Object> claims) {
        for (String claim : mapping.claimsInOrder()) {
            Object value = claims.get(claim);
            if (value instanceof String text && !text.isBlank()) {
                return text.strip();
            }
        }
        throw new LoginFailedException(ErrorCode.USERNAME_CLAIM_MISSING,
                "none of the claims " + mapping.claimsInOrder() + " holds a text value");
    }

    /** The whole value must match; group 1, when the expression has groups, is the username. */
    private static String transform(Pattern pattern, String value) {
        Matcher matcher = pattern.matcher(value);
        if (!matcher.matches()) {
            throw new LoginFailedException(ErrorCode.USERNAME_TRANSFORM_NO_MATCH,
                    "the claim value does not match the username pattern " + pattern.pattern());
        }
        String result = matcher.groupCount() >= 1 ? matcher.group(1) : matcher.group();
        if (result == null || result.isBlank()) {
            throw new LoginFailedException(ErrorCode.USERNAME_TRANSFORM_NO_MATCH,
                    "the username pattern " + pattern.pattern() + " produced an empty username");
        }
        return result;
    }
}
