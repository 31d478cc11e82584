package io.lanyard.sandbox.idp;

import io.lanyard.sandbox.graph.StandInTenant;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a person typed on the built-in provider's sign-in page, and the claims the ID token carries for it: the username
 * ({@code preferred_username}), optional groups ({@code groups}, comma-separated on the page), display name
 * ({@code name}) and e-mail ({@code email}, with {@code email_verified} true, as the provider believes anyone). With
 * "Entra ID group overage" the groups are not in the token: it carries an {@code oid} and Entra's
 * {@code _claim_names}/{@code _claim_sources} instead, and the groups are served by the Graph stand-in.
 *
 * @param username    1 to {@value #MAX_LENGTH} characters, no control characters
 * @param groups      the groups, in the order typed
 * @param displayName the name to send, when typed
 * @param email       the address to send, when typed
 * @param overage     whether to send an Entra-style overage token
 */
record SignIn(String username, List<String> groups, Optional<String> displayName, Optional<String> email,
        boolean overage) {

    static final int MAX_LENGTH = 100;
    static final int MAX_GROUPS = 50;
    private static final Pattern COMMA = Pattern.compile(",");

    SignIn {
        groups = List.copyOf(groups);
    }

    /** The typed form, or what is wrong with it. */
    static Result read(Function<String, String> form) {
        String username = trimmed(form.apply("username"));
        if (username.isEmpty() || username.length() > MAX_LENGTH || hasControlCharacter(username)) {
            return Result.refused("Type a username of 1 to " + MAX_LENGTH + " characters.");
        }
        LinkedHashSet<String> groups = new LinkedHashSet<>();
        for (String group : COMMA.split(trimmed(form.apply("groups")))) {
            if (!group.isBlank()) {
                groups.add(group.strip());
            }
        }
        String displayName = trimmed(form.apply("name"));
        String email = trimmed(form.apply("email"));
        if (groups.size() > MAX_GROUPS || groups.stream().anyMatch(g -> g.length() > MAX_LENGTH
                || hasControlCharacter(g)) || displayName.length() > MAX_LENGTH || hasControlCharacter(displayName)
                || email.length() > MAX_LENGTH || hasControlCharacter(email)) {
            return Result.refused("Type at most " + MAX_GROUPS + " groups, separated by commas, and names of at most "
                    + MAX_LENGTH + " characters.");
        }
        return new Result(Optional.of(new SignIn(username, new ArrayList<>(groups),
                displayName.isEmpty() ? Optional.empty() : Optional.of(displayName),
                email.isEmpty() ? Optional.empty() : Optional.of(email), form.apply("overage") != null)), "");
    }

    /** A sign-in, or the message to show the form again with. */
    record Result(Optional<SignIn> signIn, String message) {

        static Result refused(String message) {
            return new Result(Optional.empty(), message);
        }
    }

    /** The claims a real provider would send about this person; {@code sub} is the username (the library sets it). */
    Map<String, Object> claims(StandInTenant tenant) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", username);
        claims.put("email", email.orElse(username.toLowerCase(Locale.ROOT) + "@example.com"));
        claims.put("email_verified", true);
        claims.put("name", displayName.orElseGet(() -> knownName(username)));
        // OIDC Core §2: when the person signed in, just now on this page (what re-authentication checks)
        claims.put("auth_time", java.time.Instant.now().getEpochSecond());
        if (overage) {
            // Microsoft identity platform, "groups overage claim": no groups, a pointer to where they are instead.
            String objectId = tenant.signedIn(username, groups);
            claims.put("oid", objectId);
            claims.put("_claim_names", Map.of("groups", "src1"));
            claims.put("_claim_sources", Map.of("src1", Map.of("endpoint",
                    "https://graph.windows.net/" + StandInTenant.TENANT + "/users/" + objectId + "/getMemberObjects")));
        } else {
            claims.put("groups", groups);
        }
        return claims;
    }

    /** A demo account's own name (so that updates at login leave it as it is), or the capitalised username. */
    static String knownName(String username) {
        return SandboxUserDirectory.demoDisplayName(username)
                .orElse(username.substring(0, 1).toUpperCase(Locale.ROOT) + username.substring(1));
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
