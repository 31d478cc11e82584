package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a configuration file into a DOM without trusting it: no DOCTYPE (hence no entities, internal or
 * external, and no "billion laughs"), no external DTD or schema access, no XInclude, and a size limit checked
 * before the parser sees a byte (OWASP XML External Entity Prevention Cheat Sheet, "Java: DocumentBuilderFactory").
 *
 * <p>Error messages name the file and the position, never its content: a secret may be anywhere in it.
 */
final class SecureXml {

    /** Far more than any real configuration; keeps a runaway or hostile file from filling the heap. */
    static final int MAX_BYTES = 1024 * 1024;

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    // Parser messages quote names and values from the document; a quoted part may be a piece of a secret.
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private SecureXml() {
    }

    /**
     * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} if the file is too large or has a DOCTYPE
     * @throws LanyardException with {@link ErrorCode#CONFIG_UNREADABLE} if it cannot be read or is not well-formed
     */
    static Document read(Path file) {
        return parse(readBounded(file), file);
    }

    private static byte[] readBounded(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw tooLarge(file);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // Read one byte more than allowed: the file may have grown since its size was checked.
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(file);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new LanyardException(ErrorCode.CONFIG_UNREADABLE, file + " does not exist", e);
        } catch (IOException e) {
            throw new LanyardException(ErrorCode.CONFIG_UNREADABLE,
                    "cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    static Document parse(byte[] xml, Path file) {
        try {
            return newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            if (declaresDoctype(xml)) {
                throw refused(file, file.getFileName() + " must not contain a DOCTYPE or entities");
            }
            throw new LanyardException(ErrorCode.CONFIG_UNREADABLE, file + " is not well-formed XML at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + withoutQuotedParts(e.getMessage()));
        } catch (SAXException | IOException e) {
            // IOException here means an encoding error: the bytes are already in memory.
            throw new LanyardException(ErrorCode.CONFIG_UNREADABLE,
                    file + " is not readable XML (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static DocumentBuilder newDocumentBuilder() {
        // The JDK's own parser, not whatever the host puts on the class path: these features are known to work there.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            factory.setValidating(false);
            factory.setCoalescing(true);
            factory.setIgnoringComments(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ThrowingErrorHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            // The JDK's parser supports every feature above; failing here is a broken runtime, not a bad file.
            throw new IllegalStateException("the JDK's XML parser refuses a security feature", e);
        }
    }

    /**
     * Tells a refused DOCTYPE apart from other parse errors without relying on the parser's (localized) message:
     * a StAX reader that supports no DTD scans the prolog and reports whether a DOCTYPE is there.
     */
    static boolean declaresDoctype(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        return true;
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        return false;
                    }
                }
                return false;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return false;
        }
    }

    static String withoutQuotedParts(String parserMessage) {
        return parserMessage == null ? "" : QUOTED.matcher(parserMessage).replaceAll("\"…\"");
    }

    private static ConfigurationException tooLarge(Path file) {
        return refused(file, file.getFileName() + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    }

    private static ConfigurationException refused(Path file, String reason) {
        return new ConfigurationException(file + " is refused", List.of(new FieldError("file", reason)));
    }

    /** Turns every error into an exception (the default handler also prints it to stderr). */
    private static final class ThrowingErrorHandler implements ErrorHandler {

        @Override
        public void warning(SAXParseException exception) {
            // Warnings (none are expected without a DTD) do not make a file unusable.
        }

        @Override
        public void error(SAXParseException exception) throws SAXParseException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw exception;
        }
    }
}
