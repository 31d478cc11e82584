package io.lanyard.plugin.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page as a person reads it: its text, and the places where two words run together because nothing separates them
 * across an inline tag, e.g. {@code provider</strong>(<code>…} read as "provider(http://…". Soy joins template lines
 * without a space where a line ends or begins with a tag, which is how such places come about.
 */
final class PageText {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9]+)[^>]*>");
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(head|script|style)\\b.*?</\\1>");
    /** Tags inside a line of text: what is on either side of them is read as one run. */
    private static final Set<String> INLINE = Set.of("a", "b", "code", "em", "i", "span", "strong");

    private PageText() {
    }

    /** The visible text, with the text of block elements on lines of their own. */
    static String of(String html) {
        StringBuilder text = new StringBuilder();
        String visible = INVISIBLE.matcher(html).replaceAll("");
        Matcher tag = TAG.matcher(visible);
        int end = 0;
        while (tag.find()) {
            text.append(unescape(visible.substring(end, tag.start())));
            text.append(INLINE.contains(tag.group(2).toLowerCase(Locale.ROOT)) ? "" : "\n");
            end = tag.end();
        }
        text.append(unescape(visible.substring(end)));
        return text.toString().replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }

    /**
     * Each place where a word, a closing parenthesis or punctuation ends right before an inline tag and a word or an
     * opening parenthesis begins right after it, given with what surrounds it.
     */
    static List<String> gluedWords(String html) {
        List<String> glued = new ArrayList<>();
        String visible = INVISIBLE.matcher(html).replaceAll("");
        Matcher tag = TAG.matcher(visible);
        String before = "";
        int end = 0;
        while (tag.find()) {
            String run = unescape(visible.substring(end, tag.start()));
            before = check(glued, before, run);
            if (!INLINE.contains(tag.group(2).toLowerCase(Locale.ROOT))) {
                before = "";
            }
            end = tag.end();
        }
        check(glued, before, unescape(visible.substring(end)));
        return glued;
    }

    /** @return what the next run follows: this run, or the one before when this one is empty */
    private static String check(List<String> glued, String before, String run) {
        if (run.isEmpty()) {
            return before;
        }
        if (!before.isEmpty() && endsAWord(before) && startsAWord(run)) {
            glued.add(tail(before) + "|" + head(run));
        }
        return run;
    }

    private static boolean endsAWord(String text) {
        char last = text.charAt(text.length() - 1);
        return Character.isLetterOrDigit(last) || ").,;:?!".indexOf(last) >= 0;
    }

    private static boolean startsAWord(String text) {
        char first = text.charAt(0);
        return Character.isLetterOrDigit(first) || first == '(';
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 30));
    }

    private static String head(String text) {
        return text.substring(0, Math.min(text.length(), 30));
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
