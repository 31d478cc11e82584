package io.lanyard.core.signin;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An administrator's own page ({@link SignInPage}): their HTML with {@code {{name}}} where a value goes. Deliberately
 * tiny, so that it cannot be used to put raw text into a page:
 * <ul>
 *   <li>{@code {{name}}} is the value HTML-escaped ({@code & < > " ' `}), always: there is no unescaped form;</li>
 *   <li>{@code {{#name}}…{{/name}}} repeats for each item of a list (the item's fields are then names too), or shows
 *       its content once when the value is true or non-empty text; {@code {{^name}}…{{/name}}} when it is not;</li>
 *   <li>every other use of <code>{{</code> (an unknown name, a name of other characters, an unclosed tag or section)
 *       makes the template invalid ({@link ErrorCode#CUSTOM_TEMPLATE_INVALID}): refused when saved, and replaced by
 *       the built-in page when the file was changed by hand.</li>
 * </ul>
 * Values inside a {@code <script>} or a {@code javascript:} URL are not safe whatever the escaping: the README says
 * not to put variables there. Immutable and thread-safe.
 */
public final class PageTemplate {

    /** Long enough for any page with inline styles and a logo as a data: URL; a bigger file is a mistake. */
    public static final int MAX_LENGTH = 256 * 1024;
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#^/]?)\\s*([A-Za-z][A-Za-z0-9_]{0,63})\\s*}}");

    /** The one list among the pages' variables. */
    private static final String LIST = "providers";

    private final SignInPage page;
    private final List<Part> parts;

    private PageTemplate(SignInPage page, List<Part> parts) {
        this.page = page;
        this.parts = parts;
    }

    /**
     * Reads {@code source} as a template of {@code page}.
     *
     * @throws LanyardException {@link ErrorCode#CUSTOM_TEMPLATE_INVALID}, saying where and why
     */
    public static PageTemplate parse(SignInPage page, String source) {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(source, "source");
        if (source.length() > MAX_LENGTH) {
            throw invalid(page, "is " + source.length() + " characters long; at most " + MAX_LENGTH);
        }
        Parser parser = new Parser(page, source);
        List<Part> parts = parser.parts(null);
        return new PageTemplate(page, List.copyOf(parts));
    }

    public SignInPage page() {
        return page;
    }

    /**
     * The page with {@code values}: strings, booleans and numbers, and lists of maps for sections. A name the page
     * knows but {@code values} lacks renders as nothing.
     */
    public String render(Map<String, ?> values) {
        StringBuilder html = new StringBuilder(4096);
        render(parts, List.of(values), html);
        return html.toString();
    }

    private static void render(List<Part> parts, List<Map<String, ?>> scopes, StringBuilder html) {
        for (Part part : parts) {
            if (part instanceof Text text) {
                html.append(text.text());
            } else if (part instanceof Variable variable) {
                escape(String.valueOf(lookup(scopes, variable.name(), "")), html);
            } else if (part instanceof Section section) {
                Object value = lookup(scopes, section.name(), null);
                if (section.inverted()) {
                    if (!isShown(value)) {
                        render(section.content(), scopes, html);
                    }
                } else if (value instanceof List<?> items) {
                    for (Object item : items) {
                        List<Map<String, ?>> inner = new ArrayList<>(scopes.size() + 1);
                        inner.add(item instanceof Map<?, ?> map ? asScope(map) : Map.of());
                        inner.addAll(scopes);
                        render(section.content(), inner, html);
                    }
                } else if (isShown(value)) {
                    render(section.content(), scopes, html);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asScope(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    private static Object lookup(List<Map<String, ?>> scopes, String name, Object otherwise) {
        for (Map<String, ?> scope : scopes) {
            Object value = scope.get(name);
            if (value != null) {
                return value;
            }
        }
        return otherwise;
    }

    private static boolean isShown(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        return !(value instanceof CharSequence text) || text.length() > 0;
    }

    /** HTML-escapes for element content and quoted attributes alike; the backtick for old browsers' unquoted ones. */
    static void escape(String value, StringBuilder html) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case '`' -> html.append("&#96;");
                default -> html.append(c);
            }
        }
    }

    private static LanyardException invalid(SignInPage page, String why) {
        return new LanyardException(ErrorCode.CUSTOM_TEMPLATE_INVALID, "the " + page.id() + " page's template " + why);
    }

    private sealed interface Part permits Text, Variable, Section {
    }

    private record Text(String text) implements Part {
    }

    private record Variable(String name) implements Part {
    }

    private record Section(String name, boolean inverted, List<Part> content) implements Part {
    }

    /** Reads parts up to the end or a section's close, refusing every {@code {{} that is not a tag it knows. */
    private static final class Parser {

        private final SignInPage page;
        private final String source;
        private int position;

        Parser(SignInPage page, String source) {
            this.page = page;
            this.source = source;
        }

        List<Part> parts(String openSection) {
            List<Part> parts = new ArrayList<>();
            while (position < source.length()) {
                int open = source.indexOf("{{", position);
                if (open < 0) {
                    parts.add(new Text(source.substring(position)));
                    position = source.length();
                    break;
                }
                if (open > position) {
                    parts.add(new Text(source.substring(position, open)));
                }
                Matcher tag = TAG.matcher(source).region(open, source.length());
                if (!tag.lookingAt()) {
                    throw invalid(page, "has " + quoted(open) + " at " + where(open)
                            + ", which is not {{name}}, {{#name}}, {{^name}} or {{/name}}");
                }
                String kind = tag.group(1);
                String name = tag.group(2);
                if (!page.knows(name)) {
                    throw invalid(page, "uses {{" + name + "}} at " + where(open) + ", which this page does not have"
                            + " (it has " + String.join(", ", new java.util.TreeSet<>(page.variables())) + ")");
                }
                position = tag.end();
                if (kind.equals("/")) {
                    if (!name.equals(openSection)) {
                        throw invalid(page, "closes {{/" + name + "}} at " + where(open) + (openSection == null
                                ? ", which was not opened" : " where {{/" + openSection + "}} was expected"));
                    }
                    return parts;
                }
                if (kind.isEmpty()) {
                    if (name.equals(LIST)) {
                        throw invalid(page, "uses {{" + LIST + "}} at " + where(open) + " as a value; it is a list: "
                                + "{{#" + LIST + "}}…{{/" + LIST + "}}");
                    }
                    parts.add(new Variable(name));
                } else {
                    parts.add(new Section(name, kind.equals("^"), List.copyOf(parts(name))));
                }
            }
            if (openSection != null) {
                throw invalid(page, "never closes {{#" + openSection + "}}");
            }
            return parts;
        }

        /** Line and column, for the administrator to find it in their editor. */
        private String where(int index) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < index; i++) {
                if (source.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return "line " + line + ", column " + (index - lineStart + 1);
        }

        /** What stands there, cut short and on one line (it goes into logs and the admin page, escaped there). */
        private String quoted(int index) {
            String text = source.substring(index, Math.min(source.length(), index + 40));
            int close = text.indexOf("}}");
            if (close >= 0) {
                text = text.substring(0, close + 2);
            }
            return "\"" + text.replaceAll("[\\r\\n\\t]", " ") + "\"";
        }
    }
}
