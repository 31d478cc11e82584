package io.lanyard.core.config.xml;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.UserLookup;
import io.lanyard.core.secret.StoredSecret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reads one {@code <provider>} element. It only turns text into typed values; every rule about the values
 * themselves is {@link IdentityProviderConfigBuilder}'s, so the file and the admin UI can never disagree.
 *
 * <p>An optional element that is absent or empty takes its default. Values are never quoted in errors: a
 * secret may have been pasted into the wrong element.
 */
final class ProviderElementReader {

    static final String ID_ATTRIBUTE = "id";
    static final String ENABLED_ATTRIBUTE = "enabled";

    private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String prefix;
    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> fieldsWithErrors = new HashSet<>();
    private final IdentityProviderConfigBuilder builder = IdentityProviderConfig.builder();

    private ProviderElementReader(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Adds this provider's errors, each field prefixed with {@code providers[<id>]} (or {@code providers[#<n>]}
     * when the id is missing or malformed), to {@code allErrors}.
     *
     * @return the provider, when it has no error
     */
    static Optional<IdentityProviderConfig> read(Element provider, int position, List<FieldError> allErrors) {
        String id = provider.hasAttribute(ID_ATTRIBUTE) ? provider.getAttribute(ID_ATTRIBUTE) : null;
        String label = id != null && isWellFormedId(id) ? id : "#" + position;
        ProviderElementReader reader = new ProviderElementReader("providers[" + label + "]");
        Optional<IdentityProviderConfig> config = reader.read(provider, id);
        allErrors.addAll(reader.errors);
        return config;
    }

    static boolean isWellFormedId(String id) {
        return WELL_FORMED_ID.matcher(id).matches();
    }

    private Optional<IdentityProviderConfig> read(Element provider, String id) {
        readAttributes(provider, id);
        Map<ProviderElement, String> values = readChildren(provider);
        for (ProviderElement element : ProviderElement.values()) {
            if (element.required() && !values.containsKey(element) && !fieldsWithErrors.contains(element.field())) {
                error(element.field(), "element <" + element.name() + "> is missing");
            }
        }
        values.forEach(this::apply);
        return build();
    }

    private void readAttributes(Element provider, String id) {
        if (id == null) {
            error(ID_ATTRIBUTE, "attribute id is missing");
        }
        builder.id(id);
        NamedNodeMap attributes = provider.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getName();
            if (name.equals(ENABLED_ATTRIBUTE)) {
                parseBoolean(ENABLED_ATTRIBUTE, attribute.getValue()).ifPresent(builder::enabled);
            } else if (!name.equals(ID_ATTRIBUTE)) {
                error(null, "unknown attribute " + XmlNodes.printableName(name) + " on <provider>");
            }
        }
    }

    private Map<ProviderElement, String> readChildren(Element provider) {
        Map<ProviderElement, String> values = new EnumMap<>(ProviderElement.class);
        for (Node node = provider.getFirstChild(); node != null; node = node.getNextSibling()) {
            Optional<ProviderElement> known = node.getNodeType() == Node.ELEMENT_NODE
                    ? ProviderElement.forElementName(node.getNodeName()) : Optional.empty();
            if (known.isEmpty()) {
                XmlNodes.unexpectedNode(node, prefix, ProviderXmlReader.PROVIDER).ifPresent(errors::add);
            } else if (values.containsKey(known.get())) {
                error(known.get().field(), "element <" + known.get().name() + "> appears more than once");
            } else {
                textOf((Element) node, known.get()).ifPresent(text -> values.put(known.get(), text));
            }
        }
        return values;
    }

    private Optional<String> textOf(Element element, ProviderElement which) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                error(which.field(), "element <" + which.name() + "> must contain text only");
                return Optional.empty();
            }
        }
        return Optional.of(element.getTextContent());
    }

    private void apply(ProviderElement element, String text) {
        String value = text.strip();
        switch (element) {
            case DISPLAY_NAME -> builder.displayName(value);
            case DISCOVERY_URL -> builder.discoveryUrl(value);
            case ISSUER -> builder.issuer(value);
            case CLIENT_ID -> builder.clientId(value);
            case CLIENT_SECRET -> builder.clientSecret(StoredSecret.fromXmlText(text));
            case CLIENT_AUTH_METHOD -> ifGiven(value, () -> parseAuthMethod(element, value));
            case SCOPES -> ifGiven(value, () -> builder.scopes(words(value)));
            case USERNAME_CLAIM -> ifGiven(value, () -> builder.usernameClaim(value));
            case USERNAME_FALLBACK_CLAIMS -> builder.fallbackClaims(words(value));
            case USERNAME_PATTERN -> builder.usernamePattern(value.isEmpty() ? null : value);
            case USERNAME_LOWERCASE -> ifGiven(value,
                    () -> parseBoolean(element.field(), value).ifPresent(builder::lowerCaseUsername));
            case USER_LOOKUP -> ifGiven(value, () -> parseUserLookup(element, value));
            case USE_USERINFO -> ifGiven(value,
                    () -> parseBoolean(element.field(), value).ifPresent(builder::useUserInfo));
            case CLOCK_SKEW_SECONDS -> ifGiven(value,
                    () -> parseSeconds(element.field(), value).ifPresent(builder::clockSkew));
            case ALLOWED_ALGORITHMS -> ifGiven(value, () -> builder.allowedAlgorithms(words(value)));
            case TRUSTED_AUDIENCES -> builder.trustedAudiences(words(value));
            case MAX_AUTHENTICATION_AGE_SECONDS -> ifGiven(value,
                    () -> parseSeconds(element.field(), value).ifPresent(builder::maxAuthenticationAge));
            case ACR_VALUES -> builder.acrValues(words(value));
            default -> throw new IllegalStateException("element without a reader: " + element);
        }
    }

    /** An empty optional element means the same as an absent one: the builder's default applies. */
    private static void ifGiven(String value, Runnable apply) {
        if (!value.isEmpty()) {
            apply.run();
        }
    }

    private static List<String> words(String value) {
        return value.isEmpty() ? List.of() : List.of(WHITESPACE.split(value));
    }

    private void parseAuthMethod(ProviderElement element, String value) {
        Optional<ClientAuthMethod> method = ClientAuthMethod.fromWireName(value);
        method.ifPresentOrElse(builder::clientAuthMethod,
                () -> error(element.field(), "must be client_secret_basic or client_secret_post"));
    }

    private void parseUserLookup(ProviderElement element, String value) {
        for (UserLookup lookup : UserLookup.values()) {
            if (lookup.name().equals(value)) {
                builder.userLookup(lookup);
                return;
            }
        }
        error(element.field(), "must be USERNAME or USERNAME_THEN_EMAIL");
    }

    private Optional<Boolean> parseBoolean(String field, String value) {
        String stripped = value.strip();
        if (stripped.equals("true") || stripped.equals("false")) {
            return Optional.of(Boolean.valueOf(stripped));
        }
        error(field, "must be true or false");
        return Optional.empty();
    }

    private Optional<Duration> parseSeconds(String field, String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            error(field, "must be a whole number of seconds");
            return Optional.empty();
        }
    }

    /** Runs the builder's rules; reports only what the parsing above has not already said about a field. */
    private Optional<IdentityProviderConfig> build() {
        try {
            IdentityProviderConfig config = builder.build();
            return errors.isEmpty() ? Optional.of(config) : Optional.empty();
        } catch (ConfigurationException e) {
            for (FieldError fieldError : e.fieldErrors()) {
                if (!fieldsWithErrors.contains(fieldError.field())) {
                    errors.add(new FieldError(prefix + "." + fieldError.field(), fieldError.message()));
                }
            }
            return Optional.empty();
        }
    }

    /** @param field the builder's field name, or null for the provider as a whole */
    private void error(String field, String message) {
        if (field != null) {
            fieldsWithErrors.add(field);
        }
        errors.add(new FieldError(field == null ? prefix : prefix + "." + field, message));
    }
}
