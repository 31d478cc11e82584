package io.lanyard.plugin.web;

/**
 * Escapes text for HTML element content and quoted attribute values. Everything that reaches one of our pages
 * from a request, the configuration or an identity provider goes through {@link #escape(String)}.
 */
public final class Html {

    private Html() {
    }

    /** {@code null} becomes the empty string, so that a missing value never prints "null". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = replacement(text.charAt(i));
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c) {
        switch (c) {
            case '&': return "&amp;";
            case '<': return "&lt;";
            case '>': return "&gt;";
            case '"': return "&quot;";
            // single quotes too, so that the result is also safe in single-quoted attributes
            case '\'': return "&#39;";
            default: return null;
        }
    }
}
