package io.lanyard.core.config.xml;

import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An integration's fields as its file names and writes them ({@code ENABLED}, then each element in file order), for
 * the audit trail's "what changed": the same names an administrator sees in the file, the form and the JSON API.
 */
public final class IntegrationFields {

    static final String ENABLED = "ENABLED";

    private IntegrationFields() {
    }

    /** Element name to text; a list element as its items, {@code attribute=value} pairs, items separated by "; ". */
    public static <C extends Integration> Map<String, String> of(C integration) {
        IntegrationXmlFormat<C, ?> format = IntegrationXmlFormats.of(IntegrationKind.of(integration));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ENABLED, String.valueOf(integration.enabled()));
        for (IntegrationXmlFormat.Element<C, ?> element : format.elements()) {
            fields.put(element.name(), element.list() == null ? textOf(integration, element)
                    : listOf(element.list(), integration));
        }
        return fields;
    }

    private static <C extends Integration> String textOf(C integration, IntegrationXmlFormat.Element<C, ?> element) {
        try {
            return element.write().apply(integration);
        } catch (UnwritableValueException e) {
            return "(cannot be written: " + e.getMessage() + ")";
        }
    }

    private static <C> String listOf(IntegrationXmlFormat.ItemList<C> list, C integration) {
        List<String> names = list.attributes();
        return list.write().apply(integration).stream().map(row -> {
            StringBuilder item = new StringBuilder();
            for (int i = 0; i < row.size() && i < names.size(); i++) {
                item.append(i == 0 ? "" : " ").append(names.get(i)).append('=').append(row.get(i));
            }
            return item.toString();
        }).collect(Collectors.joining("; "));
    }

    /** Whether the field holds a secret, whose values the audit trail never shows (only that it changed). */
    public static boolean isSecret(String field) {
        return field.equals(IntegrationXmlFormat.CLIENT_SECRET) || field.equals(IntegrationXmlFormat.CLIENT_SECRET_NEXT)
                || (field.contains("SECRET") && !field.endsWith("_EXPIRES_ON")) || field.contains("PASSWORD")
                || field.contains("PRIVATE_KEY");
    }
}
