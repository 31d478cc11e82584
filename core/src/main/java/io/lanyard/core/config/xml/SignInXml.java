package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.IntegrationXmlFormat.optional;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.SignInSettings;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A provider's sign-in elements in {@code provider.xml} ({@link SignInSettings}), after its other elements. Absent
 * elements take the defaults: on the chooser in file order, no logo, no e-mail domains, every account.
 */
final class SignInXml {

    static final List<IntegrationXmlFormat.Element<IdentityProviderConfig, IdentityProviderConfigBuilder>> ELEMENTS =
            List.of(
                    optional("LOGO_URL", "logoUrl", (b, text) -> b.signIn().logoUrl(text.valueOrNull()),
                            p -> signIn(p).logoUrl().map(URI::toString).orElse("")),
                    optional("CHOOSER_ORDER", "chooserOrder", (b, text) -> text.ifGiven(value -> {
                        try {
                            b.signIn().order(Integer.parseInt(value));
                        } catch (NumberFormatException e) {
                            b.signIn().order(-1); // reported by the builder, with its rule
                        }
                    }), p -> String.valueOf(signIn(p).order())),
                    optional("SHOW_ON_CHOOSER", "showOnChooser", (b, text) -> text.ifBoolean(b.signIn()::showOnChooser),
                            p -> String.valueOf(signIn(p).showOnChooser())),
                    optional("EMAIL_DOMAINS", "emailDomains", (b, text) -> b.signIn().emailDomains(text.words()),
                            p -> XmlText.words(signIn(p).emailDomains())),
                    optional("ALLOWED_USERNAMES", "allowedUsernames",
                            (b, text) -> b.signIn().allowedUsernames(text.valueOrNull()),
                            p -> signIn(p).allowedUsernames().map(Pattern::pattern).orElse("")),
                    optional("ALLOWED_DIRECTORY", "allowedDirectory",
                            (b, text) -> b.signIn().allowedDirectory(text.valueOrNull()),
                            p -> signIn(p).allowedDirectory().orElse("")));

    private SignInXml() {
    }

    private static SignInSettings signIn(IdentityProviderConfig provider) {
        return provider.signIn();
    }
}
