package io.lanyard.sandbox;

import static io.lanyard.core.config.IdentityProviderConfigBuilder.WELL_KNOWN_SUFFIX;

import io.lanyard.core.config.IdGenerator;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import io.lanyard.sandbox.idp.BuiltInProvider;
import java.net.URI;
import java.util.List;
import java.util.OptionalInt;

/** The identity providers of a new sandbox, and how to recognise the built-in one in an existing configuration. */
final class SandboxProviders {

    static final String DISPLAY_NAME = "Sandbox identity provider";

    private SandboxProviders() {
    }

    /** The provider group the built-in provider's people may type, mapped to a sandbox group. */
    static final String MAPPED_PROVIDER_GROUP = "engineering";

    /**
     * One provider: the built-in one, under a new id, creating accounts just in time and synchronising groups: the
     * product-access group {@value SandboxUserDirectory#USERS_GROUP} for every new account, and the provider group
     * {@value #MAPPED_PROVIDER_GROUP} as {@value SandboxUserDirectory#DEVELOPERS_GROUP}.
     */
    static LanyardConfiguration initial(URI builtInIssuer, Secret clientSecret) {
        IdentityProviderConfigBuilder builder = IdentityProviderConfig.builder()
                .id(IdGenerator.newIdentityProviderId())
                .displayName(DISPLAY_NAME)
                .discoveryUrl(builtInIssuer + WELL_KNOWN_SUFFIX)
                .clientId(BuiltInProvider.CLIENT_ID)
                .clientSecret(StoredSecret.plaintext(clientSecret))
                // the sandbox's /logout signs out at the provider too, which tells every node (back-channel)
                .logout(LogoutSettings.defaults().toBuilder().mode(LogoutSettings.LogoutMode.ALSO_AT_PROVIDER).build());
        builder.provisioning().createUsers(true).updateUsers(true).syncGroups(true)
                .groupMappings(List.of(new GroupMapping(MAPPED_PROVIDER_GROUP, SandboxUserDirectory.DEVELOPERS_GROUP)))
                .defaultGroups(List.of(SandboxUserDirectory.USERS_GROUP));
        return new LanyardConfiguration(List.of(builder.build()));
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
