package io.lanyard.core.config.xml;

import java.util.Collection;
import java.util.regex.Pattern;

/** How values are written as the text of an element. */
final class XmlText {

    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private XmlText() {
    }

    /**
     * A list as space-separated words. Space-separated lists cannot hold a value that itself contains whitespace;
     * never split it silently.
     *
     * @throws UnwritableValueException if a value contains whitespace
     */
    static String words(Collection<String> values) {
        for (String value : values) {
            if (WHITESPACE.matcher(value).find()) {
                throw new UnwritableValueException("a value that contains whitespace (values are separated by spaces)");
            }
        }
        return String.join(" ", values);
    }
}
