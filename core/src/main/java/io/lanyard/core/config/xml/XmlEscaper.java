package io.lanyard.core.config.xml;

/**
 * Escapes text for the XML the writers produce (XML 1.0 §2.4, §2.2). Characters XML 1.0 cannot hold at all
 * (most control characters, lone surrogates) cannot be escaped either; {@link #isRepresentable} tells which.
 */
final class XmlEscaper {

    private XmlEscaper() {
    }

    /** XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
    static boolean isRepresentable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (!isXmlChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isXmlChar(char c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** Element content: {@code >} too, so that {@code ]]>} never appears; CR as a reference, or parsing drops it. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A double-quoted attribute value: also quotes, and whitespace that attribute normalization would change. */
    static String attribute(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                default -> out.append(text(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
