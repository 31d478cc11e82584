package io.lanyard.core.config.xml;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.GroupSyncSettings;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.ProvisioningSettings;
import io.lanyard.core.config.UserLookup;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Providers and {@code provider.xml} texts for the store's tests. */
final class ProviderXmlFixtures {

    static final String PLAINTEXT_SECRET = "s3cr3t-Value-9f2c1e";

    private ProviderXmlFixtures() {
    }

    /** Every field differs from its default, the issuer is not the derived one, the secret is plaintext. */
    static IdentityProviderConfig everyFieldSet() {
        return IdentityProviderConfig.builder()
                .id("GOxXFuPXJgiyAwuXugVG")
                .displayName("Corporate <Keycloak> & \"friends\" 'n' Ærøskøbing ✓ 😀")
                .enabled(false)
                .discoveryUrl("https://login.example.com/tenant/v2.0/.well-known/openid-configuration")
                .issuer("https://sts.example.com/tenant/")
                .clientId("lanyard-jira")
                .clientSecret(StoredSecret.plaintext(Secret.of(PLAINTEXT_SECRET)))
                .clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_POST)
                .scopes(List.of("openid", "email", "groups"))
                .usernameClaim("upn")
                .fallbackClaims(List.of("email", "preferred_username"))
                .usernamePattern("^([^@]+)@example\\.com$")
                .lowerCaseUsername(true)
                .userLookup(UserLookup.USERNAME_THEN_EMAIL)
                .useUserInfo(true)
                .clockSkew(Duration.ofSeconds(90))
                .allowedAlgorithms(List.of("RS256", "ES256", "PS512"))
                .trustedAudiences(List.of("api://other", "second-audience"))
                .maxAuthenticationAge(Duration.ofSeconds(3600))
                .acrValues(List.of("urn:mace:incommon:iap:silver", "mfa"))
                .provisioning(ProvisioningSettings.builder()
                        .createUsers(true).userDirectory("Jira Internal Directory")
                        .displayNameClaims(List.of("name", "given_name+family_name"))
                        .emailClaims(List.of("email", "upn")).updateUsers(true).reactivateUsers(true).pinSubject(true)
                        .syncGroups(true).groupsClaim("resource_access.lanyard-jira.roles")
                        .includedGroups(List.of("Sales Team", "CN=Admins,OU=Groups,DC=corp,DC=example"))
                        .groupMappings(List.of(new GroupMapping("Sales Team", "jira-sales & <friends>"),
                                new GroupMapping("Sales Team", "jira-users"),
                                new GroupMapping("CN=Admins,OU=Groups,DC=corp,DC=example", "jira-administrators")))
                        .syncUnmappedGroups(true).groupNamePrefix("idp-").groupNamePattern("/?(.+)")
                        .groupNameLowerCase(true).createGroups(true)
                        .defaultGroups(List.of("jira-software-users", "\"quoted\" 'group'"))
                        .defaultGroupsFor(GroupSyncSettings.DefaultGroupsFor.EVERY_LOGIN)
                        .overageConnector("wdlfqm6se9un").overageCacheTime(Duration.ofSeconds(600)).build())
                .signIn(io.lanyard.core.config.SignInSettings.builder().logoUrl("https://cdn.example.com/logo.png?a=1&b=2")
                        .order(7).showOnChooser(false).emailDomains(List.of("example.com", "*.Example.ORG"))
                        .allowedUsernames("^(?!ext-).*<&>$").allowedDirectory("Corporate LDAP & co").build())
                .build();
    }

    static IdentityProviderConfig requiredOnly(String id) {
        return IdentityProviderConfig.builder()
                .id(id)
                .displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme")
                .clientId("lanyard")
                .build();
    }

    /** A {@code provider.xml} with the given providers' XML. */
    static String document(String... providers) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lanyard-providers version=\"1\">\n"
                + String.join("\n", providers) + "\n</lanyard-providers>\n";
    }

    /** A valid provider with the required elements and the given extra ones. */
    static String provider(String id, String... extraElements) {
        return "<provider id=\"" + id + "\">\n"
                + "  <DISPLAY_NAME>Keycloak</DISPLAY_NAME>\n"
                + "  <DISCOVERY_URL>https://idp.example.com/realms/acme/.well-known/openid-configuration</DISCOVERY_URL>\n"
                + "  <CLIENT_ID>lanyard</CLIENT_ID>\n"
                + String.join("\n", extraElements) + "\n</provider>";
    }

    static Path writeFile(Path directory, String content) {
        try {
            return Files.writeString(directory.resolve(ProviderXml.FILE_NAME), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LanyardException thrownBy(ThrowingCallable call) {
        Throwable thrown = Assertions.catchThrowable(call);
        Assertions.assertThat(thrown).isInstanceOf(LanyardException.class);
        return (LanyardException) thrown;
    }
}
