package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.IntegrationXmlFormat.optional;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.config.LogoutSettings.AfterLogout;
import io.lanyard.core.config.LogoutSettings.LogoutMode;
import java.time.Duration;
import java.util.List;

/**
 * The logout elements of a provider in {@code provider.xml} ({@link LogoutSettings}), appended to the provider's own by
 * {@link ProviderXml}. Each is optional; absent or empty, the default applies, so files written before they existed
 * mean what they meant.
 */
final class LogoutXml {

    static final List<IntegrationXmlFormat.Element<IdentityProviderConfig, IdentityProviderConfigBuilder>> ELEMENTS =
            List.of(
                    optional("LOGOUT_MODE", "logoutMode", (b, text) -> text.ifOneOf(
                            LogoutMode::named, "must be LOCAL_ONLY or ALSO_AT_PROVIDER",
                            mode -> b.logout().mode(mode)), p -> p.logout().mode().name()),
                    optional("AFTER_LOGOUT", "afterLogout", (b, text) -> text.ifOneOf(
                            AfterLogout::named, "must be LOGGED_OUT_PAGE or START_PAGE",
                            after -> b.logout().afterLogout(after)), p -> p.logout().afterLogout().name()),
                    optional("BACKCHANNEL_LOGOUT", "backChannelLogout",
                            (b, text) -> text.ifBoolean(on -> b.logout().backChannel(on)),
                            p -> String.valueOf(p.logout().backChannel())),
                    optional("FRONTCHANNEL_LOGOUT", "frontChannelLogout",
                            (b, text) -> text.ifBoolean(on -> b.logout().frontChannel(on)),
                            p -> String.valueOf(p.logout().frontChannel())),
                    optional("SESSION_LIFETIME_SECONDS", "sessionLifetime",
                            (b, text) -> text.ifSeconds(lifetime -> b.logout().sessionLifetime(lifetime)),
                            p -> p.logout().sessionLifetime().map(Duration::toSeconds).map(String::valueOf).orElse("")));

    private LogoutXml() {
    }
}
