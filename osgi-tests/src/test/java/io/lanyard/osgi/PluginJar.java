package io.lanyard.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** One plugin jar as files: manifest, descriptor, Spring XML, i18n texts and entries. */
final class PluginJar implements AutoCloseable {

    static final String DESCRIPTOR = "atlassian-plugin.xml";
    static final String SPRING_NAMESPACE = "http://www.springframework.org/schema/beans";
    static final String OSGI_NAMESPACE = "http://www.eclipse.org/gemini/blueprint/schema/blueprint";

    private final Path path;
    private final JarFile jar;

    PluginJar(Path path) {
        this.path = path;
        try {
            this.jar = new JarFile(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }

    Path path() {
        return path;
    }

    Manifest manifest() throws IOException {
        return jar.getManifest();
    }

    String header(String name) throws IOException {
        return manifest().getMainAttributes().getValue(name);
    }

    /** Import-Package as package name to its attributes (the clause after the name, or ""). */
    Map<String, String> imports() throws IOException {
        Map<String, String> imports = new LinkedHashMap<>();
        for (String clause : splitClauses(header("Import-Package"))) {
            int semicolon = clause.indexOf(';');
            imports.put(semicolon < 0 ? clause : clause.substring(0, semicolon),
                    semicolon < 0 ? "" : clause.substring(semicolon + 1));
        }
        return imports;
    }

    /** Splits a manifest header at commas outside quotes. */
    static List<String> splitClauses(String header) {
        List<String> clauses = new ArrayList<>();
        if (header == null) {
            return clauses;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            clauses.add(current.toString().trim());
        }
        return clauses;
    }

    List<String> entryNames() {
        return jar.stream().map(JarEntry::getName).toList();
    }

    boolean has(String entry) {
        return jar.getEntry(entry) != null;
    }

    byte[] bytes(String entry) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
            return in.readAllBytes();
        }
    }

    Document descriptor() throws Exception {
        return xml(DESCRIPTOR);
    }

    List<Document> springXml() throws Exception {
        List<Document> documents = new ArrayList<>();
        for (String name : entryNames()) {
            if (name.startsWith("META-INF/spring/") && name.endsWith(".xml")) {
                documents.add(xml(name));
            }
        }
        return documents;
    }

    /** Ids of the beans and OSGi references of the Spring XML. */
    Set<String> springIds() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (Document spring : springXml()) {
            for (Element element : elements(spring, SPRING_NAMESPACE, "bean")) {
                ids.add(element.getAttribute("id"));
            }
            for (Element element : elements(spring, OSGI_NAMESPACE, "reference")) {
                ids.add(element.getAttribute("id"));
            }
        }
        return ids;
    }

    Properties i18n() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = jar.getInputStream(jar.getEntry("lanyard-i18n.properties"))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    Document xml(String entry) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    static List<Element> elements(Document document, String namespace, String localName) {
        NodeList nodes = namespace == null ? document.getElementsByTagName(localName)
                : document.getElementsByTagNameNS(namespace, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** Every element of the descriptor with a {@code class} attribute (its modules). */
    static List<Element> modules(Document descriptor) {
        List<Element> modules = new ArrayList<>();
        NodeList all = descriptor.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("class")) {
                modules.add(element);
            }
        }
        return modules;
    }

    @Override
    public void close() throws IOException {
        jar.close();
    }
}
