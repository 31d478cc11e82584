package io.lanyard.core.config.xml;

import io.lanyard.core.config.FieldError;
import java.util.Optional;
import org.w3c.dom.Node;

/** What the readers say about nodes that have no place where they are. */
final class XmlNodes {

    private static final int MAX_NAME_LENGTH = 60;

    private XmlNodes() {
    }

    /**
     * An element or non-blank text that does not belong here is an error: a misspelt element in a single sign-on
     * configuration must not be silently ignored. Comments, processing instructions and blank text are fine.
     */
    static Optional<FieldError> unexpectedNode(Node node, String field, String parentName) {
        if (node.getNodeType() == Node.ELEMENT_NODE) {
            return Optional.of(new FieldError(field,
                    "unknown element <" + printableName(node.getNodeName()) + "> in <" + parentName + ">"));
        }
        if (isText(node) && !node.getNodeValue().isBlank()) {
            // The text itself is not quoted: it may be a secret pasted in the wrong place.
            return Optional.of(new FieldError(field, "text outside an element in <" + parentName + ">"));
        }
        return Optional.empty();
    }

    static boolean isText(Node node) {
        return node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE;
    }

    /** Element names are shown so that a typo can be found; very long ones are cut. */
    static String printableName(String name) {
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) + "…" : name;
    }
}
