package io.lanyard.sandbox.app;

/** The one JSON primitive the sandbox writes by hand: a string literal (RFC 8259 §7). */
public final class Json {

    private Json() {
    }

    public static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    // also escapes < and > so a string can never close a surrounding HTML script element
                    if (c < 0x20 || c == '<' || c == '>' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }
}
