package io.lanyard.core.provisioning;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the validated claims say about a person's groups: a list, or that the list did not fit into the token
 * (Microsoft Entra ID's group overage), in which case the groups are unknown, never empty.
 */
public sealed interface ClaimedGroups {

    /** More group names than this from one login are refused, rather than half-read. */
    int MAX_GROUPS = 10_000;
    /** Longer names are no group name any host keeps. */
    int MAX_NAME_LENGTH = 1024;

    /** The groups the claims list (none when the claim is absent: a provider omits an empty list). */
    record Listed(List<ProviderGroup> groups) implements ClaimedGroups {

        public Listed {
            groups = List.copyOf(groups);
        }
    }

    /**
     * The token says its groups did not fit (Entra ID: {@code _claim_names} names the claim, or {@code hasgroups}
     * is true): they must be read from Microsoft Graph for this user.
     *
     * @param objectId the user's {@code oid}, if the token has one
     */
    record Overage(Optional<String> objectId) implements ClaimedGroups {
    }

    /**
     * Reads the groups at {@code path}.
     *
     * @throws LoginFailedException {@code GROUPS_CLAIM_INVALID} (not a list of texts, nor one text),
     *         {@code GROUPS_TOO_MANY}
     */
    static ClaimedGroups read(Map<String, Object> claims, String path) {
        Optional<Object> value = ClaimPath.read(claims, path);
        if (value.isEmpty()) {
            return isOverage(claims, path) ? new Overage(objectId(claims)) : new Listed(List.of());
        }
        if (value.get() instanceof String single) {
            return read(Map.of("groups", List.of(single)), "groups");
        }
        if (!(value.get() instanceof List<?> list)) {
            throw invalid(path, "is neither a list nor a text");
        }
        if (list.size() > MAX_GROUPS) {
            throw new LoginFailedException(ErrorCode.GROUPS_TOO_MANY, "the claim " + path + " lists " + list.size()
                    + " groups; Lanyard takes at most " + MAX_GROUPS + " from one login");
        }
        List<ProviderGroup> groups = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String name)) {
                throw invalid(path, "holds an entry that is not a text");
            }
            // Names reach log lines and the host: a control character or a novel is no group's name.
            if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
                throw invalid(path, "holds an entry that is not a usable group name (control characters, or longer "
                        + "than " + MAX_NAME_LENGTH + " characters)");
            }
            if (!name.isBlank()) {
                groups.add(ProviderGroup.named(name.strip()));
            }
        }
        return new Listed(groups);
    }

    /**
     * Microsoft identity platform, "Groups overage claim": the token carries {@code _claim_names} naming the claim
     * (with {@code _claim_sources}) instead of the claim, or {@code hasgroups: true}. The endpoint in
     * {@code _claim_sources} is never followed: the groups are read with the administrator's connector.
     */
    private static boolean isOverage(Map<String, Object> claims, String path) {
        if (claims.get("_claim_names") instanceof Map<?, ?> names && names.containsKey(path)) {
            return true;
        }
        return path.equals("groups") && (Boolean.TRUE.equals(claims.get("hasgroups"))
                || "true".equals(claims.get("hasgroups")));
    }

    private static Optional<String> objectId(Map<String, Object> claims) {
        return claims.get("oid") instanceof String oid && !oid.isBlank() ? Optional.of(oid) : Optional.empty();
    }

    private static LoginFailedException invalid(String path, String what) {
        return new LoginFailedException(ErrorCode.GROUPS_CLAIM_INVALID, "the groups claim " + path + " " + what);
    }
}
