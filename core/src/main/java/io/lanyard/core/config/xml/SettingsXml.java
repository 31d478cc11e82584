package io.lanyard.core.config.xml;

import io.lanyard.core.config.AddressRange;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.EmergencyAccess;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.config.LanyardSettingsBuilder;
import io.lanyard.core.config.SignInPolicy;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code settings.xml}: Lanyard's settings that belong to no single integration, one element per feature (a section),
 * each holding one text element per field; a field that may hold several values (a group name) repeats its element.
 * The same rules as the integration files: no DOCTYPE, exact names, every error at once, values never quoted in errors;
 * an absent section or field takes its default. Written in the order below, so that a file Lanyard wrote documents
 * itself. A feature adds its section to {@link #SECTIONS} and its component to {@link LanyardSettings}.
 */
public final class SettingsXml {

    public static final String FILE_NAME = "settings.xml";
    static final String ROOT = "lanyard-settings";

    /**
     * One field of a section.
     *
     * @param name       the element's exact name
     * @param field      the builder's (and the form's) name for it, as errors name it
     * @param repeatable whether the element may appear several times (a list of values with any characters)
     * @param read       gives the values (one, or each repetition's) to the builder
     * @param write      the values to write for the settings (none: the element is left out)
     */
    record Field(String name, String field, boolean repeatable, BiConsumer<LanyardSettingsBuilder, List<ElementText>> read,
            Function<LanyardSettings, List<String>> write) {
    }

    /** A feature's element and its fields. */
    record Section(String name, List<Field> fields) {

        Section {
            fields = List.copyOf(fields);
        }
    }

    static final List<Section> SECTIONS = List.of(
            new Section("sign-in", List.of(
                    single("SSO_ENFORCED", "ssoEnforced", (b, t) -> t.ifBoolean(b::ssoEnforced),
                            s -> String.valueOf(s.signIn().ssoEnforced())),
                    single("LOGIN_PAGE", "loginPage", (b, t) -> t.ifOneOf(SettingsXml::loginPage,
                            "must be REDIRECT or ALONGSIDE_FORM", b::loginPage), s -> s.signIn().loginPage().name()),
                    single("DEFAULT_PROVIDER", "defaultProvider", (b, t) -> b.defaultProvider(t.valueOrNull()),
                            s -> s.signIn().defaultProvider().orElse("")),
                    single("REMEMBER_CHOICE_DAYS", "rememberChoiceDays", (b, t) -> t.ifGiven(value ->
                            wholeNumber(t, value).ifPresent(days -> b.rememberChoice(Duration.ofDays(days)))),
                            s -> String.valueOf(s.signIn().rememberChoice().toDays())),
                    single("LOOP_MAX_LOGINS", "loopMaxLogins", (b, t) -> t.ifGiven(value ->
                            wholeNumber(t, value).ifPresent(count -> b.loopMaxLogins((int) Math.min(count, 1_000_000)))),
                            s -> String.valueOf(s.signIn().loopMaxLogins())),
                    single("LOOP_WINDOW_SECONDS", "loopWindowSeconds", (b, t) -> t.ifSeconds(b::loopWindow),
                            s -> String.valueOf(s.signIn().loopWindow().toSeconds())),
                    single("REAUTHENTICATE_AT_PROVIDER", "reauthenticateAtProvider",
                            (b, t) -> t.ifBoolean(b::reauthenticateAtProvider),
                            s -> String.valueOf(s.signIn().reauthenticateAtProvider())))),
            new Section("emergency-access", List.of(
                    single("PASSWORD_LOGIN", "passwordLogin", (b, t) -> t.ifOneOf(SettingsXml::passwordLogin,
                            "must be GROUPS or OFF", b::passwordLogin),
                            s -> s.emergencyAccess().passwordLogin().name()),
                    single("SYSTEM_ADMINISTRATORS", "emergencySystemAdministrators",
                            (b, t) -> t.ifBoolean(b::systemAdministrators),
                            s -> String.valueOf(s.emergencyAccess().systemAdministrators())),
                    repeated("GROUP", "emergencyGroups", LanyardSettingsBuilder::groups,
                            s -> s.emergencyAccess().groups()),
                    single("OPEN_TO_EVERYONE_UNTIL", "openToEveryoneUntil", (b, t) -> t.ifGiven(value -> {
                        try {
                            b.openToEveryoneUntil(Instant.parse(value));
                        } catch (DateTimeParseException e) {
                            t.report("must be a UTC time such as 2026-12-31T23:59:00Z");
                        }
                    }), s -> s.emergencyAccess().openToEveryoneUntil().map(Instant::toString).orElse("")))),
            new Section("basic-auth", List.of(
                    single("REFUSE_FOR_MANAGED_ACCOUNTS", "refuseBasicAuth", (b, t) -> t.ifBoolean(b::refuseBasicAuth),
                            s -> String.valueOf(s.basicAuth().refuseForManagedAccounts())),
                    repeated("EXCEPT_ACCOUNT", "basicAuthExceptAccounts", LanyardSettingsBuilder::basicAuthExceptAccounts,
                            s -> s.basicAuth().exceptAccounts()),
                    repeated("EXCEPT_GROUP", "basicAuthExceptGroups", LanyardSettingsBuilder::basicAuthExceptGroups,
                            s -> s.basicAuth().exceptGroups()),
                    repeated("EXCEPT_ADDRESS", "basicAuthExceptAddresses",
                            LanyardSettingsBuilder::basicAuthExceptAddresses,
                            s -> s.basicAuth().exceptAddresses().stream().map(AddressRange::toString).toList()),
                    repeated("TRUSTED_PROXY", "basicAuthTrustedProxies", LanyardSettingsBuilder::basicAuthTrustedProxies,
                            s -> s.basicAuth().trustedProxies().stream().map(AddressRange::toString).toList()))));

    private SettingsXml() {
    }

    private static Field single(String name, String field, BiConsumer<LanyardSettingsBuilder, ElementText> read,
            Function<LanyardSettings, String> write) {
        return new Field(name, field, false, (builder, texts) -> read.accept(builder, texts.get(0)),
                settings -> List.of(write.apply(settings)));
    }

    /** An element that may repeat, each repetition one value (a name, a range). */
    private static Field repeated(String name, String field,
            BiConsumer<LanyardSettingsBuilder, List<String>> read, Function<LanyardSettings, List<String>> write) {
        return new Field(name, field, true,
                (builder, texts) -> read.accept(builder, texts.stream().map(ElementText::value).toList()), write);
    }

    /**
     * @throws ConfigurationException {@code CONFIG_INVALID}, listing every error of the file
     * @throws LanyardException {@code CONFIG_UNREADABLE} when it cannot be read or is not well-formed XML
     */
    static LanyardSettings read(Path file) {
        return read(SecureXml.read(file), file);
    }

    static LanyardSettings read(Document document, Path file) {
        Element root = document.getDocumentElement();
        List<FieldError> errors = new ArrayList<>();
        if (!ROOT.equals(root.getTagName())) {
            throw new ConfigurationException(file + " is invalid", List.of(new FieldError("file",
                    "the root element must be <" + ROOT + ">")));
        }
        if (!IntegrationXmlFormat.VERSION.equals(root.getAttribute(IntegrationXmlFormat.VERSION_ATTRIBUTE))
                || root.getAttributes().getLength() != 1) {
            throw new ConfigurationException(file + " is invalid", List.of(new FieldError("version", "<" + ROOT
                    + "> must have version=\"1\" and no other attribute, the only version this Lanyard reads")));
        }
        LanyardSettingsBuilder builder = LanyardSettings.builder();
        List<String> seen = new ArrayList<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            String name = node.getNodeName();
            Optional<Section> section = node.getNodeType() == Node.ELEMENT_NODE
                    ? SECTIONS.stream().filter(s -> s.name().equals(name)).findFirst() : Optional.empty();
            if (section.isEmpty()) {
                XmlNodes.unexpectedNode(node, "settings", ROOT).ifPresent(errors::add);
            } else if (seen.contains(section.get().name())) {
                errors.add(new FieldError("settings", "<" + section.get().name() + "> appears more than once"));
            } else {
                seen.add(section.get().name());
                readSection(section.get(), (Element) node, builder, errors);
            }
        }
        int parsed = errors.size();
        try {
            LanyardSettings settings = builder.build();
            if (parsed == 0) {
                return settings;
            }
        } catch (ConfigurationException e) {
            e.fieldErrors().stream().filter(error -> errors.stream().noneMatch(
                    earlier -> earlier.field().equals(error.field()))).forEach(errors::add);
        }
        throw new ConfigurationException(file + " is invalid", errors);
    }

    private static void readSection(Section section, Element element, LanyardSettingsBuilder builder,
            List<FieldError> errors) {
        Map<Field, List<ElementText>> values = new LinkedHashMap<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            String name = node.getNodeName();
            Optional<Field> field = node.getNodeType() == Node.ELEMENT_NODE
                    ? section.fields().stream().filter(f -> f.name().equals(name)).findFirst()
                    : Optional.empty();
            if (field.isEmpty()) {
                XmlNodes.unexpectedNode(node, section.name(), section.name()).ifPresent(errors::add);
                continue;
            }
            Field known = field.get();
            if (!known.repeatable() && values.containsKey(known)) {
                errors.add(new FieldError(known.field(), "element <" + known.name() + "> appears more than once"));
                continue;
            }
            if (hasChildElement(node)) {
                errors.add(new FieldError(known.field(), "element <" + known.name() + "> must contain text only"));
                continue;
            }
            values.computeIfAbsent(known, f -> new ArrayList<>()).add(new ElementText(node.getTextContent(),
                    message -> errors.add(new FieldError(known.field(), message))));
        }
        values.forEach((field, texts) -> field.read().accept(builder, texts));
    }

    private static boolean hasChildElement(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    /** Every section and field, in order. */
    static byte[] write(LanyardSettings settings) {
        StringBuilder out = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append('<').append(ROOT).append(" version=\"").append(IntegrationXmlFormat.VERSION).append("\">\n");
        for (Section section : SECTIONS) {
            out.append("  <").append(section.name()).append(">\n");
            for (Field field : section.fields()) {
                for (String value : field.write().apply(settings)) {
                    if (!XmlEscaper.isRepresentable(value)) {
                        throw new LanyardException(ErrorCode.CONFIG_WRITE_FAILED, "cannot write " + FILE_NAME + ": <"
                                + field.name() + "> contains a character that XML 1.0 cannot hold");
                    }
                    out.append("    <").append(field.name()).append('>').append(XmlEscaper.text(value))
                            .append("</").append(field.name()).append(">\n");
                }
            }
            out.append("  </").append(section.name()).append(">\n");
        }
        return out.append("</").append(ROOT).append(">\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<SignInPolicy.LoginPageMode> loginPage(String name) {
        return Arrays.stream(SignInPolicy.LoginPageMode.values()).filter(m -> m.name().equals(name)).findFirst();
    }

    private static Optional<EmergencyAccess.PasswordLogin> passwordLogin(String name) {
        return Arrays.stream(EmergencyAccess.PasswordLogin.values()).filter(m -> m.name().equals(name)).findFirst();
    }

    private static Optional<Long> wholeNumber(ElementText text, String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            text.report("must be a whole number");
            return Optional.empty();
        }
    }
}
