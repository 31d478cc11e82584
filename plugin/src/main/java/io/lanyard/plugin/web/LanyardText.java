package io.lanyard.plugin.web;

import io.lanyard.core.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The English texts of our pages, read once from {@value #RESOURCE}. A product plugin later hands these keys to
 * the host's i18n resolver instead; the keys stay the same.
 */
public final class LanyardText {

    public static final String RESOURCE = "lanyard-i18n.properties";
    static final String ADVICE_SUFFIX = ".advice";

    private final Map<String, String> texts;

    private LanyardText(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    /** Loads the bundled English texts (UTF-8) with this class's class loader, which is the plugin's under OSGi. */
    public static LanyardText english() {
        try (InputStream in = LanyardText.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the plugin");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return new LanyardText(properties.stringPropertyNames().stream()
                    .collect(Collectors.toMap(key -> key, properties::getProperty)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The text of a key, or the key itself when missing (visible, and caught by the completeness test). */
    public String get(String key) {
        return texts.getOrDefault(key, key);
    }

    /** Every text by key, e.g. for templates that look texts up themselves. */
    public Map<String, String> asMap() {
        return texts;
    }

    public String get(PageText text) {
        return get(text.key());
    }

    /** A short title of what went wrong. */
    public String title(ErrorCode code) {
        return get(code.i18nKey());
    }

    /** What the user (or their administrator) can do about it. */
    public String advice(ErrorCode code) {
        return get(adviceKey(code));
    }

    static String adviceKey(ErrorCode code) {
        return code.i18nKey() + ADVICE_SUFFIX;
    }

    Set<String> keys() {
        return texts.keySet();
    }
}
