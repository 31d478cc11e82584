package io.lanyard.core.config.xml;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Writes {@code provider.xml}: every element of every provider, in {@link ProviderElement} order, so that a file
 * written by Lanyard documents itself. Sets are written sorted, so that saving an unchanged configuration
 * gives the same bytes (a clean diff of the backup).
 *
 * <p>The input is an already validated configuration; this class checks only what XML cannot express.
 */
final class ProviderXmlWriter {

    private static final String INDENT = "  ";
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private final StringBuilder out = new StringBuilder(4096);

    private ProviderXmlWriter() {
    }

    /**
     * @throws LanyardException with {@link ErrorCode#CONFIG_WRITE_FAILED} if a value cannot be written as XML
     */
    static byte[] write(LanyardConfiguration configuration) {
        ProviderXmlWriter writer = new ProviderXmlWriter();
        writer.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        writer.out.append('<').append(ProviderXmlReader.ROOT).append(' ')
                .append(ProviderXmlReader.VERSION_ATTRIBUTE).append("=\"").append(ProviderXmlReader.VERSION)
                .append("\">\n");
        configuration.identityProviders().forEach(writer::provider);
        writer.out.append("</").append(ProviderXmlReader.ROOT).append(">\n");
        return writer.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void provider(IdentityProviderConfig p) {
        out.append(INDENT).append('<').append(ProviderXmlReader.PROVIDER)
                .append(' ').append(ConfigElementReader.ID_ATTRIBUTE).append("=\"").append(attribute(p, p.id()))
                .append("\" ").append(ConfigElementReader.ENABLED_ATTRIBUTE).append("=\"").append(p.enabled())
                .append("\">\n");
        element(p, ProviderElement.DISPLAY_NAME, p.displayName());
        element(p, ProviderElement.DISCOVERY_URL, p.discoveryUrl().toString());
        element(p, ProviderElement.ISSUER, issuerIfNotDerived(p));
        element(p, ProviderElement.CLIENT_ID, p.clientId());
        element(p, ProviderElement.CLIENT_SECRET, p.clientSecret().toXmlText());
        element(p, ProviderElement.CLIENT_AUTH_METHOD, p.clientAuthMethod().wireName());
        element(p, ProviderElement.SCOPES, words(p, ProviderElement.SCOPES, p.scopes()));
        element(p, ProviderElement.USERNAME_CLAIM, p.usernameMapping().claim());
        element(p, ProviderElement.USERNAME_FALLBACK_CLAIMS,
                words(p, ProviderElement.USERNAME_FALLBACK_CLAIMS, p.usernameMapping().fallbackClaims()));
        element(p, ProviderElement.USERNAME_PATTERN, p.usernameMapping().pattern().orElse(""));
        element(p, ProviderElement.USERNAME_LOWERCASE, String.valueOf(p.usernameMapping().lowerCase()));
        element(p, ProviderElement.USER_LOOKUP, p.usernameMapping().lookup().name());
        element(p, ProviderElement.USE_USERINFO, String.valueOf(p.useUserInfo()));
        element(p, ProviderElement.CLOCK_SKEW_SECONDS, String.valueOf(p.clockSkew().toSeconds()));
        element(p, ProviderElement.ALLOWED_ALGORITHMS,
                words(p, ProviderElement.ALLOWED_ALGORITHMS, p.allowedAlgorithms().stream().sorted().toList()));
        element(p, ProviderElement.TRUSTED_AUDIENCES,
                words(p, ProviderElement.TRUSTED_AUDIENCES, p.trustedAudiences().stream().sorted().toList()));
        element(p, ProviderElement.MAX_AUTHENTICATION_AGE_SECONDS,
                p.maxAuthenticationAge().map(Duration::toSeconds).map(String::valueOf).orElse(""));
        element(p, ProviderElement.ACR_VALUES, words(p, ProviderElement.ACR_VALUES, p.acrValues()));
        out.append(INDENT).append("</").append(ProviderXmlReader.PROVIDER).append(">\n");
    }

    /** The issuer is written only when it is not the one the reader derives from the discovery URL anyway. */
    private static String issuerIfNotDerived(IdentityProviderConfig p) {
        String discovery = p.discoveryUrl().toString();
        String suffix = IdentityProviderConfigBuilder.WELL_KNOWN_SUFFIX;
        String derived = discovery.endsWith(suffix) ? discovery.substring(0, discovery.length() - suffix.length())
                : discovery;
        return p.issuer().equals(derived) ? "" : p.issuer();
    }

    /** Space-separated lists cannot hold a value that itself contains whitespace; never split it silently. */
    private static String words(IdentityProviderConfig p, ProviderElement element, Collection<String> values) {
        for (String value : values) {
            if (WHITESPACE.matcher(value).find()) {
                throw cannotWrite(p, element, "a value that contains whitespace (values are separated by spaces)");
            }
        }
        return String.join(" ", values);
    }

    private void element(IdentityProviderConfig p, ProviderElement element, String value) {
        if (!XmlEscaper.isRepresentable(value)) {
            throw cannotWrite(p, element, "a character that XML 1.0 cannot hold");
        }
        out.append(INDENT).append(INDENT).append('<').append(element.name()).append('>')
                .append(XmlEscaper.text(value))
                .append("</").append(element.name()).append(">\n");
    }

    private static String attribute(IdentityProviderConfig p, String value) {
        if (!XmlEscaper.isRepresentable(value)) {
            throw cannotWrite(p, null, "a character that XML 1.0 cannot hold");
        }
        return XmlEscaper.attribute(value);
    }

    /** Names the provider and the element, never the value: it may be the secret. */
    private static LanyardException cannotWrite(IdentityProviderConfig p, ProviderElement element, String what) {
        String where = element == null ? "the id" : "<" + element.name() + ">";
        return new LanyardException(ErrorCode.CONFIG_WRITE_FAILED,
                "cannot write identity provider " + p.id() + ": " + where + " contains " + what);
    }
}
