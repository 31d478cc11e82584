package io.lanyard.core.provisioning;

import java.util.Map;
import java.util.Optional;

/**
 * A claim named by a path into nested claims, e.g. {@code groups}, {@code realm_access.roles} or
 * {@code resource_access.lanyard-jira.roles} (Keycloak's role claims). Keys may contain dots themselves (a client
 * id {@code my.app}, a namespaced claim {@code https://example.com/groups}): at each level the longest run of the
 * path's segments that is a key wins.
 */
final class ClaimPath {

    private ClaimPath() {
    }

    /** The value at {@code path}, or empty when some level is missing or not an object. */
    static Optional<Object> read(Map<String, Object> claims, String path) {
        Object at = claims;
        String rest = path;
        while (!rest.isEmpty()) {
            if (!(at instanceof Map<?, ?> object)) {
                return Optional.empty();
            }
            String key = longestKey(object, rest);
            if (key == null) {
                return Optional.empty();
            }
            at = object.get(key);
            rest = key.length() == rest.length() ? "" : rest.substring(key.length() + 1);
        }
        return Optional.ofNullable(at);
    }

    /** The longest prefix of {@code path} ending at a dot (or the whole path) that {@code object} has as a key. */
    private static String longestKey(Map<?, ?> object, String path) {
        String candidate = path;
        while (true) {
            if (object.containsKey(candidate)) {
                return candidate;
            }
            int dot = candidate.lastIndexOf('.');
            if (dot <= 0) {
                return null;
            }
            candidate = candidate.substring(0, dot);
        }
    }
}
