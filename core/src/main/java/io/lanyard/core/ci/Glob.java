package io.lanyard.core.ci;

/**
 * The glob of a claim condition: {@code *} matches any run of characters (also {@code /}: {@code refs/heads/release/*}
 * matches {@code refs/heads/release/1.2/hotfix}), {@code ?} exactly one; every other character only itself, without
 * case folding. Linear backtracking on the last {@code *}: no regular expression, no catastrophic input.
 */
final class Glob {

    private Glob() {
    }

    static boolean matches(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
