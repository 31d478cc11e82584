package io.lanyard.core.secret;

/**
 * Which of an owner's two client secrets: the one in use, or the next one of a rotation, given beside it so that the
 * provider may change over without an outage. Each slot has its own names (the next one's end in
 * {@value SecretPropertyNames#NEXT_SUFFIX}) and its own element in the configuration file.
 */
public enum SecretSlot {
    /** The specification's secret: its names and its {@code CLIENT_SECRET} element, exactly as specified. */
    CURRENT("CLIENT_SECRET"),
    /** The next secret of a rotation: the same names with {@code _NEXT}, and {@code CLIENT_SECRET_NEXT}. */
    NEXT("CLIENT_SECRET_NEXT");

    private final String element;

    SecretSlot(String element) {
        this.element = element;
    }

    /** The element of {@code provider.xml} and {@code connector.xml} that holds this slot's secret. */
    public String element() {
        return element;
    }

    /** This slot's variant of one of the specification's names. */
    public String nameOf(String specificationName) {
        return this == CURRENT ? specificationName : SecretPropertyNames.next(specificationName);
    }
}
