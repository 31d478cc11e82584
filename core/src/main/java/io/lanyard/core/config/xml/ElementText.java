package io.lanyard.core.config.xml;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The text of one child element while it is read, with the parsing the element readers share. What cannot even be
 * parsed is reported for the element's field (and the builder's default stays in its place); values are never
 * quoted in errors: a secret may have been pasted into the wrong element.
 */
final class ElementText {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String raw;
    private final Consumer<String> error;
    private final List<Map<String, String>> items;

    /** @param error reports a message for this element's field */
    ElementText(String raw, Consumer<String> error) {
        this(raw, error, List.of());
    }

    /** A list element: its items, each its attributes by name. */
    ElementText(String raw, Consumer<String> error, List<Map<String, String>> items) {
        this.raw = raw;
        this.error = error;
        this.items = List.copyOf(items);
    }

    /** The items of a list element, in file order, each its attributes by name; none for a text element. */
    List<Map<String, String>> items() {
        return items;
    }

    /** Reports what cannot even be parsed (e.g. one item of a list), for this element's field. */
    void report(String message) {
        error.accept(message);
    }

    /** Reports {@code message} for this element's field (what cannot be parsed). */
    void report(String message) {
        error.accept(message);
    }

    /** Exactly as written: secrets keep their text. */
    String raw() {
        return raw;
    }

    /** Without surrounding whitespace. */
    String value() {
        return raw.strip();
    }

    /** The value, or null when the element is empty. */
    String valueOrNull() {
        return value().isEmpty() ? null : value();
    }

    /** An empty optional element means the same as an absent one: the builder's default applies. */
    void ifGiven(Consumer<String> apply) {
        if (!value().isEmpty()) {
            apply.accept(value());
        }
    }

    /** Space-separated values; none when empty. */
    List<String> words() {
        return words(raw);
    }

    /** Space-separated values of {@code text} (e.g. an item's attribute); none when blank. */
    static List<String> words(String text) {
        String value = text == null ? "" : text.strip();
        return value.isEmpty() ? List.of() : List.of(WHITESPACE.split(value));
    }

    void ifBoolean(Consumer<Boolean> apply) {
        ifGiven(value -> parseBoolean(value).ifPresent(apply));
    }

    void ifSeconds(Consumer<Duration> apply) {
        ifGiven(value -> {
            try {
                apply.accept(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                error.accept("must be a whole number of seconds");
            }
        });
    }

    /** A calendar date as ISO 8601 writes it, e.g. {@code 2027-03-31}. */
    void ifDate(Consumer<LocalDate> apply) {
        ifGiven(value -> {
            try {
                apply.accept(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                error.accept("must be a date written as YYYY-MM-DD");
            }
        });
    }

    /** One of a fixed set of names, given to {@code apply}; otherwise {@code rule} is reported. */
    <T> void ifOneOf(Function<String, Optional<T>> parse, String rule, Consumer<T> apply) {
        ifGiven(value -> parse.apply(value).ifPresentOrElse(apply, () -> error.accept(rule)));
    }

    Optional<Boolean> parseBoolean(String value) {
        String stripped = value.strip();
        if (stripped.equals("true") || stripped.equals("false")) {
            return Optional.of(Boolean.valueOf(stripped));
        }
        error.accept("must be true or false");
        return Optional.empty();
    }
}
