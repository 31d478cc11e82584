package io.lanyard.sandbox;

import static io.lanyard.core.config.IdentityProviderConfigBuilder.WELL_KNOWN_SUFFIX;

import io.lanyard.core.config.IdGenerator;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.sandbox.idp.BuiltInProvider;
import java.net.URI;
import java.util.List;
import java.util.OptionalInt;

/** The identity providers of a new sandbox, and how to recognise the built-in one in an existing configuration. */
final class SandboxProviders {

    static final String DISPLAY_NAME = "Sandbox identity provider";

    private SandboxProviders() {
    }

    /** One provider: the built-in one, under a new id. */
    static LanyardConfiguration initial(URI builtInIssuer, Secret clientSecret) {
        IdentityProviderConfig provider = IdentityProviderConfig.builder()
                .id(IdGenerator.newIdentityProviderId())
                .displayName(DISPLAY_NAME)
                .discoveryUrl(builtInIssuer + WELL_KNOWN_SUFFIX)
                .clientId(BuiltInProvider.CLIENT_ID)
                .clientSecret(StoredSecret.plaintext(clientSecret))
                // the sandbox's /logout signs out at the provider too, which tells every node (back-channel)
                .logout(LogoutSettings.defaults().toBuilder().mode(LogoutSettings.LogoutMode.ALSO_AT_PROVIDER).build())
                .build();
        return new LanyardConfiguration(List.of(provider));
    }

    /**
     * The configuration with the built-in provider moved to {@code port}: each provider whose issuer is a built-in
     * provider's gets that port's issuer and discovery URL; everything else stays as it was.
     */
    static LanyardConfiguration withBuiltInProviderAt(LanyardConfiguration configuration, int port) {
        String issuer = BuiltInProvider.issuerAt(port).toString();
        return configuration.with(IntegrationKind.IDENTITY_PROVIDER, configuration.identityProviders().stream()
                .map(provider -> BuiltInProvider.portOfIssuer(provider.issuer()) > 0
                        ? provider.toBuilder().issuer(issuer).discoveryUrl(issuer + WELL_KNOWN_SUFFIX).build()
                        : provider)
                .toList());
    }

    /** The port of the first provider whose issuer is the built-in provider's, if any. */
    static OptionalInt builtInProviderPort(LanyardConfiguration configuration) {
        return configuration.identityProviders().stream()
                .mapToInt(provider -> BuiltInProvider.portOfIssuer(provider.issuer()))
                .filter(port -> port > 0)
                .findFirst();
    }
}
