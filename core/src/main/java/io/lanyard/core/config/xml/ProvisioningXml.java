package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.IntegrationXmlFormat.optional;
import static io.lanyard.core.config.xml.IntegrationXmlFormat.optionalList;

import io.lanyard.core.config.AccountSettings;
import io.lanyard.core.config.GroupSyncSettings;
import io.lanyard.core.config.GroupSyncSettings.DefaultGroupsFor;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.ProvisioningSettingsBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A provider's users-and-groups elements in {@code provider.xml} ({@link io.lanyard.core.config.ProvisioningSettings}),
 * after its other elements. Absent elements take the defaults, which change nothing in the host. Lists of group names
 * and the mapping table are items with attributes ({@code <GROUP name="…"/>}, {@code <MAPPING provider="…" host="…"/>}),
 * so that names with spaces, commas or {@code =} (an LDAP distinguished name) need no separator.
 */
final class ProvisioningXml {

    static final String GROUP = "GROUP";
    static final String MAPPING = "MAPPING";

    static final List<IntegrationXmlFormat.Element<IdentityProviderConfig, IdentityProviderConfigBuilder>> ELEMENTS =
            List.of(
                    flag("CREATE_USERS", "createUsers", ProvisioningSettingsBuilder::createUsers,
                            a -> a.accounts().create()),
                    optional("USER_DIRECTORY", "userDirectory",
                            (b, text) -> b.provisioning().userDirectory(text.valueOrNull()),
                            p -> accounts(p).directory().orElse("")),
                    optional("DISPLAY_NAME_CLAIMS", "displayNameClaims",
                            (b, text) -> b.provisioning().displayNameClaims(text.words()),
                            p -> XmlText.words(accounts(p).displayNameClaims())),
                    optional("EMAIL_CLAIMS", "emailClaims", (b, text) -> b.provisioning().emailClaims(text.words()),
                            p -> XmlText.words(accounts(p).emailClaims())),
                    flag("UPDATE_USERS", "updateUsers", ProvisioningSettingsBuilder::updateUsers,
                            a -> a.accounts().update()),
                    flag("REACTIVATE_USERS", "reactivateUsers", ProvisioningSettingsBuilder::reactivateUsers,
                            a -> a.accounts().reactivate()),
                    flag("PIN_SUBJECT", "pinSubject", ProvisioningSettingsBuilder::pinSubject,
                            a -> a.accounts().pinSubject()),
                    flag("SYNC_GROUPS", "syncGroups", ProvisioningSettingsBuilder::syncGroups, a -> a.groups().sync()),
                    optional("GROUPS_CLAIM", "groupsClaim", (b, text) -> b.provisioning().groupsClaim(text.valueOrNull()),
                            p -> groups(p).claim()),
                    groupNames("INCLUDED_GROUPS", "includedGroups", ProvisioningSettingsBuilder::includedGroups,
                            GroupSyncSettings::included),
                    optional("INCLUDED_GROUPS_PATTERN", "includedGroupsPattern",
                            (b, text) -> b.provisioning().includedGroupsPattern(text.valueOrNull()),
                            p -> groups(p).includedPattern().orElse("")),
                    optionalList("GROUP_MAPPINGS", "groupMappings", new IntegrationXmlFormat.ItemList<>(MAPPING,
                                    List.of("provider", "host"), p -> groups(p).mappings().stream()
                                    .map(m -> List.of(m.providerGroup(), m.hostGroup())).toList()),
                            (b, text) -> b.provisioning().groupMappings(text.items().stream()
                                    .map(item -> new GroupMapping(item.get("provider"), item.get("host"))).toList())),
                    flag("SYNC_UNMAPPED_GROUPS", "syncUnmappedGroups", ProvisioningSettingsBuilder::syncUnmappedGroups,
                            a -> a.groups().syncUnmapped()),
                    optional("GROUP_NAME_PREFIX", "groupNamePrefix",
                            (b, text) -> b.provisioning().groupNamePrefix(text.value()), p -> groups(p).prefix()),
                    optional("GROUP_NAME_PATTERN", "groupNamePattern",
                            (b, text) -> b.provisioning().groupNamePattern(text.valueOrNull()),
                            p -> groups(p).namePattern().orElse("")),
                    flag("GROUP_NAME_LOWERCASE", "groupNameLowerCase", ProvisioningSettingsBuilder::groupNameLowerCase,
                            a -> a.groups().lowerCase()),
                    flag("CREATE_GROUPS", "createGroups", ProvisioningSettingsBuilder::createGroups,
                            a -> a.groups().createGroups()),
                    groupNames("DEFAULT_GROUPS", "defaultGroups", ProvisioningSettingsBuilder::defaultGroups,
                            GroupSyncSettings::defaultGroups),
                    optional("DEFAULT_GROUPS_FOR", "defaultGroupsFor", (b, text) -> text.ifOneOf(
                            ProvisioningXml::defaultGroupsFor, "must be NEW_USERS or EVERY_LOGIN",
                            b.provisioning()::defaultGroupsFor), p -> groups(p).defaultGroupsFor().name()),
                    optional("OVERAGE_CONNECTOR", "overageConnector",
                            (b, text) -> b.provisioning().overageConnector(text.valueOrNull()),
                            p -> groups(p).overageConnector().orElse("")),
                    optional("OVERAGE_CACHE_SECONDS", "overageCacheSeconds",
                            (b, text) -> text.ifSeconds(b.provisioning()::overageCacheTime),
                            p -> String.valueOf(groups(p).overageCacheTime().toSeconds())));

    private ProvisioningXml() {
    }

    private static AccountSettings accounts(IdentityProviderConfig provider) {
        return provider.provisioning().accounts();
    }

    private static GroupSyncSettings groups(IdentityProviderConfig provider) {
        return provider.provisioning().groups();
    }

    private static IntegrationXmlFormat.Element<IdentityProviderConfig, IdentityProviderConfigBuilder> flag(String name,
            String field, BiConsumer<ProvisioningSettingsBuilder, Boolean> set,
            Function<io.lanyard.core.config.ProvisioningSettings, Boolean> get) {
        return optional(name, field, (b, text) -> text.ifBoolean(value -> set.accept(b.provisioning(), value)),
                p -> String.valueOf(get.apply(p.provisioning())));
    }

    private static IntegrationXmlFormat.Element<IdentityProviderConfig, IdentityProviderConfigBuilder> groupNames(
            String name, String field, BiConsumer<ProvisioningSettingsBuilder, List<String>> set,
            Function<GroupSyncSettings, List<String>> get) {
        return optionalList(name, field, new IntegrationXmlFormat.ItemList<>(GROUP, List.of("name"),
                        p -> get.apply(groups(p)).stream().map(List::of).toList()),
                (b, text) -> set.accept(b.provisioning(), text.items().stream().map(item -> item.get("name")).toList()));
    }

    private static Optional<DefaultGroupsFor> defaultGroupsFor(String name) {
        return Arrays.stream(DefaultGroupsFor.values()).filter(value -> value.name().equals(name)).findFirst();
    }
}
