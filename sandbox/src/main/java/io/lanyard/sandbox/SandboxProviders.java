package io.lanyard.sandbox;

import static io.lanyard.core.config.IdentityProviderConfigBuilder.WELL_KNOWN_SUFFIX;

import io.lanyard.core.config.IdGenerator;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import io.lanyard.sandbox.ci.CiIssuerStandIn;
import io.lanyard.sandbox.idp.BuiltInProvider;
import java.net.URI;
import io.lanyard.core.config.CiProvider;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.ClaimCondition;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.TokenIssuerConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The identity providers of a new sandbox, and how to recognise the built-in one in an existing configuration. */
final class SandboxProviders {

    static final String DISPLAY_NAME = "Sandbox identity provider";
    /** The id of the sandbox's token issuer (API access). */
    static final String TOKEN_ISSUER_ID = "sandboxapi01";
    /** The service account the sandbox's client acts as with a client-credentials token. */
    static final String SERVICE_ACCOUNT = "sandbox-bot";
    static final String CONTRACTORS_DISPLAY_NAME = "Contractors";
    /** E-mail domains of the two providers, for home-realm discovery (the accounts are name@example.com). */
    static final List<String> CORPORATE_DOMAINS = List.of("example.com");
    static final List<String> CONTRACTORS_DOMAINS = List.of("contractors.example.com");

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
        return new LanyardConfiguration(List.of(builtIn(DISPLAY_NAME, builtInIssuer, clientSecret).build()));
    }

    /** A built-in provider that creates accounts just in time and synchronises groups (engineering => developers). */
    private static IdentityProviderConfigBuilder builtIn(String displayName, URI issuer, Secret clientSecret) {
        IdentityProviderConfigBuilder builder = IdentityProviderConfig.builder()
                .id(IdGenerator.newIdentityProviderId())
                .displayName(displayName)
                .discoveryUrl(issuer + WELL_KNOWN_SUFFIX)
                .clientId(BuiltInProvider.CLIENT_ID)
                .clientSecret(StoredSecret.plaintext(clientSecret))
                // the sandbox's /logout signs out at the provider too, which tells every node (back-channel)
                .logout(LogoutSettings.defaults().toBuilder().mode(LogoutSettings.LogoutMode.ALSO_AT_PROVIDER).build());
        builder.provisioning().createUsers(true).updateUsers(true).syncGroups(true)
                .groupMappings(List.of(new GroupMapping(MAPPED_PROVIDER_GROUP, SandboxUserDirectory.DEVELOPERS_GROUP)))
                .defaultGroups(List.of(SandboxUserDirectory.USERS_GROUP));
        return builder;
    }

    /**
     * Two providers, both built in: the sandbox's own issuer (e-mail domain example.com) and "Contractors" under its
     * own issuer (contractors.example.com), each under a new id.
     */
    static LanyardConfiguration initial(URI builtInIssuer, URI contractorsIssuer, Secret clientSecret) {
        IdentityProviderConfigBuilder corporate = builtIn(DISPLAY_NAME, builtInIssuer, clientSecret);
        corporate.signIn().order(10).emailDomains(CORPORATE_DOMAINS);
        IdentityProviderConfigBuilder contractors = builtIn(CONTRACTORS_DISPLAY_NAME, contractorsIssuer, clientSecret);
        contractors.signIn().order(20).emailDomains(CONTRACTORS_DOMAINS);
        return new LanyardConfiguration(List.of(corporate.build(), contractors.build()));
    }

    /**
     * The configuration with the built-in provider moved to {@code port}: each provider whose issuer is a built-in
     * provider's gets that port's issuer and discovery URL; everything else stays as it was.
     */
    static LanyardConfiguration withBuiltInProviderAt(LanyardConfiguration configuration, int port) {
        return configuration.with(IntegrationKind.IDENTITY_PROVIDER, configuration.identityProviders().stream()
                .map(provider -> BuiltInProvider.portOfIssuer(provider.issuer()) > 0 ? moved(provider, port) : provider)
                .toList());
    }

    /** API access's token issuer of a new sandbox: the built-in provider, its client acting as {@value #SERVICE_ACCOUNT}. */
    static TokenIssuerConfig initialTokenIssuer(int port, Secret clientSecret) {
        return TokenIssuerConfig.builder().id(TOKEN_ISSUER_ID).displayName(DISPLAY_NAME)
                .issuer(BuiltInProvider.issuerAt(port).toString())
                .jwksUri(BuiltInProvider.jwksUriAt(port).toString())
                .tokenEndpoint(BuiltInProvider.tokenEndpointAt(port).toString())
                .clientId(BuiltInProvider.CLIENT_ID).clientSecret(StoredSecret.plaintext(clientSecret))
                .audience(BuiltInProvider.apiAudience())
                .clientMappings(List.of(new ClientMapping(BuiltInProvider.CLIENT_ID, SERVICE_ACCOUNT, false, List.of(),
                        Optional.empty())))
                .build();
    }

    /** The CI trust policy of a new sandbox (issue 17): the stand-in Bitbucket workspace's sample repository, on main. */
    static final String CI_POLICY_ID = "sandboxci001";
    static final String CI_SERVICE_ACCOUNT = "ci-bot";

    static CiTrustPolicy initialCiPolicy(CiIssuerStandIn standIn) {
        return CiTrustPolicy.builder().id(CI_POLICY_ID).displayName("Sandbox pipeline (stand-in Bitbucket)")
                .ciProvider(CiProvider.BITBUCKET_PIPELINES).issuer(standIn.issuer(CiIssuerStandIn.Ci.BITBUCKET))
                .audiences(List.of(CiIssuerStandIn.BITBUCKET_AUDIENCE))
                .conditions(List.of(new ClaimCondition("repositoryUuid", CiIssuerStandIn.REPOSITORY_UUID),
                        new ClaimCondition("branchName", "main")))
                .account(CI_SERVICE_ACCOUNT).build();
    }

    /** The CI policies with the sandbox's own moved to the stand-in's port; the others stay as they were. */
    static List<CiTrustPolicy> withCiStandInAt(List<CiTrustPolicy> policies, CiIssuerStandIn standIn) {
        return policies.stream().map(policy -> policy.id().equals(CI_POLICY_ID)
                && policy.ciProvider() == CiProvider.BITBUCKET_PIPELINES
                ? policy.toBuilder().issuer(standIn.issuer(CiIssuerStandIn.Ci.BITBUCKET)).build() : policy).toList();
    }

    /** The token issuers with the built-in one moved to {@code port}; the others stay as they were. */
    static List<TokenIssuerConfig> withBuiltInTokenIssuerAt(List<TokenIssuerConfig> issuers, int port) {
        return issuers.stream().map(issuer -> BuiltInProvider.portOfIssuer(issuer.issuer()) > 0
                ? issuer.toBuilder().issuer(BuiltInProvider.issuerAt(port).toString())
                        .jwksUri(BuiltInProvider.jwksUriAt(port).toString())
                        .tokenEndpoint(BuiltInProvider.tokenEndpointAt(port).toString()).build()
                : issuer).toList();
    }

    private static IdentityProviderConfig moved(IdentityProviderConfig provider, int port) {
        String issuer = BuiltInProvider.movedTo(provider.issuer(), port).toString();
        return provider.toBuilder().issuer(issuer).discoveryUrl(issuer + WELL_KNOWN_SUFFIX).build();
    }

    /** The port of the first provider whose issuer is the built-in provider's, if any. */
    static OptionalInt builtInProviderPort(LanyardConfiguration configuration) {
        return configuration.identityProviders().stream()
                .mapToInt(provider -> BuiltInProvider.portOfIssuer(provider.issuer()))
                .filter(port -> port > 0)
                .findFirst();
    }
}
