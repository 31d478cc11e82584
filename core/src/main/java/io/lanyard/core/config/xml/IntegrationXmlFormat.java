package io.lanyard.core.config.xml;

import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationBuilder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.secret.SecretSlot;
import io.lanyard.core.secret.StoredSecret;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How one kind of integration is written in its file, the part that differs between kinds: the file and its
 * elements. Everything else is the same for every kind ({@link IntegrationListReader}, {@link IntegrationXmlWriter}):
 * a root element with {@code version="1"}, one item element per integration with the {@code id} and {@code enabled}
 * attributes, and one text child per field, written in the order of {@link #elements()} so that a file written by
 * Lanyard documents itself. Reading only turns text into typed values; every rule about the values is the kind's
 * builder's, so the file and the admin UI can never disagree.
 *
 * @param kind       the kind stored
 * @param fileName   e.g. {@code provider.xml}
 * @param root       the root element, e.g. {@code lanyard-providers}
 * @param item       the item element, e.g. {@code provider}
 * @param collection how errors name the list, e.g. {@code providers}
 * @param newBuilder an empty builder of the kind
 * @param elements   the item's child elements, in the order they are written
 * @param <C>        the kind's configuration
 * @param <B>        its builder
 */
record IntegrationXmlFormat<C extends Integration, B extends IntegrationBuilder<C>>(IntegrationKind<C> kind,
        String fileName, String root, String item, String collection, Supplier<B> newBuilder,
        List<Element<C, B>> elements) {

    static final String VERSION_ATTRIBUTE = "version";
    static final String VERSION = "1";
    static final String ID_ATTRIBUTE = "id";
    static final String ENABLED_ATTRIBUTE = "enabled";
    static final String CLIENT_SECRET = SecretSlot.CURRENT.element();
    static final String CLIENT_SECRET_NEXT = SecretSlot.NEXT.element();
    static final String CLIENT_SECRET_EXPIRES_ON = "CLIENT_SECRET_EXPIRES_ON";

    IntegrationXmlFormat {
        Objects.requireNonNull(kind, "kind");
        elements = List.copyOf(elements);
    }

    /**
     * One child element of an item: text, or a list of empty elements with attributes ({@link ItemList}).
     *
     * @param name     the element's name, exact and case-sensitive, e.g. {@code CLOCK_SKEW_SECONDS}
     * @param field    the builder's name for the same value, as in its errors, e.g. {@code clockSkew}
     * @param required whether a missing element is an error (an optional one takes the builder's default)
     * @param read     gives the element's text (or items) to the builder, reporting what cannot even be parsed
     * @param write    the element's text for a configuration; may throw {@link UnwritableValueException}
     * @param list     for an element holding a list, how its items look and are written; null for text
     */
    record Element<C, B>(String name, String field, boolean required, BiConsumer<B, ElementText> read,
            Function<C, String> write, ItemList<C> list) {
    }

    /**
     * The items of a list element: each an empty element named {@code item} with exactly these attributes, e.g.
     * {@code <MAPPING provider="engineering" host="developers"/>}. Values of any characters XML can hold, spaces
     * and commas included, need no separator.
     *
     * @param item       the items' element name
     * @param attributes the attributes every item has, in the order written
     * @param write      each item's attribute values, in that order
     */
    record ItemList<C>(String item, List<String> attributes, Function<C, List<List<String>>> write) {

        ItemList {
            Objects.requireNonNull(item, "item");
            attributes = List.copyOf(attributes);
            Objects.requireNonNull(write, "write");
        }
    }

    static <C, B> Element<C, B> required(String name, String field, BiConsumer<B, ElementText> read,
            Function<C, String> write) {
        return new Element<>(name, field, true, read, write, null);
    }

    static <C, B> Element<C, B> optional(String name, String field, BiConsumer<B, ElementText> read,
            Function<C, String> write) {
        return new Element<>(name, field, false, read, write, null);
    }

    /** The elements of several parts of a kind (e.g. a provider's own, then its users-and-groups part), in order. */
    @SafeVarargs
    static <C, B> List<Element<C, B>> concat(List<Element<C, B>>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }

    /** An optional list element; its items reach {@code read} as {@link ElementText#items()}. */
    static <C, B> Element<C, B> optionalList(String name, String field, ItemList<C> list,
            BiConsumer<B, ElementText> read) {
        return new Element<>(name, field, false, read, c -> "", Objects.requireNonNull(list, "list"));
    }

    /** {@code DISPLAY_NAME}, which every kind has. */
    static <C extends Integration, B extends IntegrationBuilder<C>> Element<C, B> displayName() {
        return required("DISPLAY_NAME", "displayName", (builder, text) -> builder.displayName(text.value()),
                Integration::displayName);
    }

    /**
     * {@code CLIENT_SECRET} of a kind that owns a secret: blank is none, {@value StoredSecret#EXTERNAL_PLACEHOLDER}
     * means "from outside"; the text is kept exactly as written.
     */
    static <C extends Integration, B extends IntegrationBuilder<C>> Element<C, B> clientSecret() {
        return optional(CLIENT_SECRET, "clientSecret",
                (builder, text) -> builder.clientSecret(StoredSecret.fromXmlText(text.raw())),
                integration -> integration.clientSecret().toXmlText());
    }

    /**
     * {@code CLIENT_SECRET_NEXT}: the next secret of a rotation, read and written like {@code CLIENT_SECRET}
     * (blank is none, {@value StoredSecret#EXTERNAL_PLACEHOLDER} means the {@code _NEXT} names).
     */
    static <C extends Integration, B extends IntegrationBuilder<C>> Element<C, B> nextClientSecret() {
        return optional(CLIENT_SECRET_NEXT, "nextClientSecret",
                (builder, text) -> builder.nextClientSecret(StoredSecret.fromXmlText(text.raw())),
                integration -> integration.nextClientSecret().toXmlText());
    }

    /** {@code CLIENT_SECRET_EXPIRES_ON}: when the current secret expires, {@code YYYY-MM-DD}, or empty. */
    static <C extends Integration, B extends IntegrationBuilder<C>> Element<C, B> clientSecretExpiresOn() {
        return optional(CLIENT_SECRET_EXPIRES_ON, "clientSecretExpiresOn",
                (builder, text) -> text.ifDate(builder::clientSecretExpiresOn),
                integration -> integration.clientSecretExpiresOn().map(LocalDate::toString).orElse(""));
    }
}
