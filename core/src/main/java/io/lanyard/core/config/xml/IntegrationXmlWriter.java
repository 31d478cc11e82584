package io.lanyard.core.config.xml;

import io.lanyard.core.config.Integration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the file of one kind of integration: every element of every item, in the format's order, so that a file
 * written by Lanyard documents itself. The input is validated already; this class checks only what XML cannot hold.
 *
 * @param <C> the kind's configuration
 */
final class IntegrationXmlWriter<C extends Integration> {

    private static final String INDENT = "  ";

    private final IntegrationXmlFormat<C, ?> format;
    private final StringBuilder out = new StringBuilder(4096);

    private IntegrationXmlWriter(IntegrationXmlFormat<C, ?> format) {
        this.format = format;
    }

    /**
     * @throws LanyardException with {@link ErrorCode#CONFIG_WRITE_FAILED} if a value cannot be written as XML
     */
    static <C extends Integration> byte[] write(IntegrationXmlFormat<C, ?> format, List<C> items) {
        IntegrationXmlWriter<C> writer = new IntegrationXmlWriter<>(format);
        writer.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        writer.out.append('<').append(format.root()).append(' ').append(IntegrationXmlFormat.VERSION_ATTRIBUTE)
                .append("=\"").append(IntegrationXmlFormat.VERSION).append("\">\n");
        items.forEach(writer::item);
        writer.out.append("</").append(format.root()).append(">\n");
        return writer.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void item(C item) {
        out.append(INDENT).append('<').append(format.item())
                .append(' ').append(IntegrationXmlFormat.ID_ATTRIBUTE).append("=\"").append(attribute(item))
                .append("\" ").append(IntegrationXmlFormat.ENABLED_ATTRIBUTE).append("=\"").append(item.enabled())
                .append("\">\n");
        for (IntegrationXmlFormat.Element<C, ?> element : format.elements()) {
            if (element.list() != null) {
                list(item, element.name(), element.list());
            } else {
                element(item, element.name(), textOf(item, element));
            }
        }
        out.append(INDENT).append("</").append(format.item()).append(">\n");
    }

    private String textOf(C item, IntegrationXmlFormat.Element<C, ?> element) {
        try {
            return element.write().apply(item);
        } catch (UnwritableValueException e) {
            throw cannotWrite(item, "<" + element.name() + ">", e.getMessage());
        }
    }

    private void element(C item, String name, String value) {
        if (!XmlEscaper.isRepresentable(value)) {
            throw cannotWrite(item, "<" + name + ">", "a character that XML 1.0 cannot hold");
        }
        out.append(INDENT).append(INDENT).append('<').append(name).append('>')
                .append(XmlEscaper.text(value))
                .append("</").append(name).append(">\n");
    }

    /** {@code <NAME>} with one empty element per item, its values in attributes; {@code <NAME/>} for none. */
    private void list(C item, String name, IntegrationXmlFormat.ItemList<C> list) {
        List<List<String>> rows = list.write().apply(item);
        if (rows.isEmpty()) {
            out.append(INDENT).append(INDENT).append('<').append(name).append("/>\n");
            return;
        }
        out.append(INDENT).append(INDENT).append('<').append(name).append(">\n");
        for (List<String> row : rows) {
            out.append(INDENT).append(INDENT).append(INDENT).append('<').append(list.item());
            for (int i = 0; i < list.attributes().size(); i++) {
                String value = row.get(i);
                if (!XmlEscaper.isRepresentable(value)) {
                    throw cannotWrite(item, "<" + name + ">", "a character that XML 1.0 cannot hold");
                }
                out.append(' ').append(list.attributes().get(i)).append("=\"").append(XmlEscaper.attribute(value))
                        .append('"');
            }
            out.append("/>\n");
        }
        out.append(INDENT).append(INDENT).append("</").append(name).append(">\n");
    }

    private String attribute(C item) {
        if (!XmlEscaper.isRepresentable(item.id())) {
            throw cannotWrite(item, "the id", "a character that XML 1.0 cannot hold");
        }
        return XmlEscaper.attribute(item.id());
    }

    /** Names the integration and the element, never the value: it may be the secret. */
    private LanyardException cannotWrite(C item, String where, String what) {
        return new LanyardException(ErrorCode.CONFIG_WRITE_FAILED,
                "cannot write " + format.kind().label() + " " + item.id() + ": " + where + " contains " + what);
    }
}
