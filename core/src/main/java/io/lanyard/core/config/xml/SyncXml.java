package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.IntegrationXmlFormat.optional;
import static io.lanyard.core.config.xml.IntegrationXmlFormat.optionalList;

import io.lanyard.core.config.DirectorySyncSettings;
import io.lanyard.core.config.DirectorySyncSettings.GroupScope;
import io.lanyard.core.config.DirectorySyncSettings.UserScope;
import io.lanyard.core.config.DirectorySyncSettingsBuilder;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.EntraConnectorConfigBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The directory sync elements of a connector in {@code connector.xml} ({@link DirectorySyncSettings}), appended to the
 * connector's own by {@link ConnectorXml}. Each is optional; absent or empty, the default applies (sync off), so
 * files written before they existed mean what they meant.
 */
final class SyncXml {

    private static final String GROUP = "GROUP";

    static final List<IntegrationXmlFormat.Element<EntraConnectorConfig, EntraConnectorConfigBuilder>> ELEMENTS =
            List.of(
                    optional("SYNC_ENABLED", "syncEnabled", (b, text) -> text.ifBoolean(on -> b.sync().enabled(on)),
                            c -> String.valueOf(c.sync().enabled())),
                    optional("SYNC_INTERVAL_MINUTES", "syncIntervalMinutes", (b, text) -> text.ifGiven(value ->
                            minutes(value, text).ifPresent(m -> b.sync().interval(Duration.ofMinutes(m)))),
                            c -> String.valueOf(c.sync().interval().toMinutes())),
                    optional("SYNC_USERS", "syncUsers", (b, text) -> text.ifOneOf(name -> named(UserScope.class, name),
                            "must be ALL, GROUP_MEMBERS or FILTER", scope -> b.sync().users(scope)),
                            c -> c.sync().users().name()),
                    ids("SYNC_USER_GROUPS", "syncUserGroups", DirectorySyncSettingsBuilder::userGroups,
                            DirectorySyncSettings::userGroups),
                    optional("SYNC_USER_FILTER", "syncUserFilter", (b, text) -> b.sync().userFilter(text.valueOrNull()),
                            c -> c.sync().userFilter().orElse("")),
                    optional("SYNC_GROUPS", "syncGroups", (b, text) -> text.ifOneOf(
                            name -> named(GroupScope.class, name), "must be NONE, CHOSEN, NAME_PATTERN or APP_ASSIGNED",
                            scope -> b.sync().groups(scope)), c -> c.sync().groups().name()),
                    ids("SYNC_GROUP_IDS", "syncGroupIds", DirectorySyncSettingsBuilder::groupIds,
                            DirectorySyncSettings::groupIds),
                    optional("SYNC_GROUP_NAME_PATTERN", "syncGroupNamePattern",
                            (b, text) -> b.sync().groupNamePattern(text.valueOrNull()),
                            c -> c.sync().groupNamePattern().orElse("")),
                    optional("SYNC_GROUP_PREFIX", "syncGroupPrefix", (b, text) -> b.sync().groupPrefix(text.value()),
                            c -> c.sync().groupPrefix()),
                    optional("SYNC_USERNAME_ATTRIBUTE", "syncUsernameAttribute",
                            (b, text) -> text.ifGiven(b.sync()::usernameAttribute), c -> c.sync().usernameAttribute()),
                    optional("SYNC_USERNAME_PATTERN", "syncUsernamePattern",
                            (b, text) -> b.sync().usernamePattern(text.valueOrNull()),
                            c -> c.sync().usernamePattern().orElse("")),
                    optional("SYNC_USERNAME_LOWERCASE", "syncUsernameLowerCase",
                            (b, text) -> text.ifBoolean(on -> b.sync().usernameLowerCase(on)),
                            c -> String.valueOf(c.sync().usernameLowerCase())),
                    optional("SYNC_DIRECTORY", "syncDirectory", (b, text) -> b.sync().directory(text.valueOrNull()),
                            c -> c.sync().directory().orElse("")),
                    optionalList("SYNC_DEFAULT_GROUPS", "syncDefaultGroups",
                            new IntegrationXmlFormat.ItemList<>(GROUP, List.of("name"),
                                    c -> c.sync().defaultGroups().stream().map(List::of).toList()),
                            (b, text) -> b.sync().defaultGroups(
                                    text.items().stream().map(item -> item.get("name")).toList())),
                    optional("SYNC_DEACTIVATION_GRACE_DAYS", "syncDeactivationGraceDays", (b, text) -> text.ifGiven(
                            value -> days(value, text).ifPresent(d -> b.sync().deactivationGrace(Duration.ofDays(d)))),
                            c -> String.valueOf(c.sync().deactivationGrace().toDays())),
                    optional("SYNC_SAFETY_STOP_PERCENT", "syncSafetyStopPercent", (b, text) -> text.ifGiven(
                            value -> number(value, text, "must be a whole number of percent")
                                    .ifPresent(p -> b.sync().safetyStopPercent(p.intValue()))),
                            c -> String.valueOf(c.sync().safetyStopPercent())));

    private SyncXml() {
    }

    /** Object ids, space-separated: GUIDs hold no spaces. */
    private static IntegrationXmlFormat.Element<EntraConnectorConfig, EntraConnectorConfigBuilder> ids(String name,
            String field, BiConsumer<DirectorySyncSettingsBuilder, List<String>> set,
            Function<DirectorySyncSettings, List<String>> get) {
        return optional(name, field, (b, text) -> set.accept(b.sync(), text.words()),
                c -> String.join(" ", get.apply(c.sync())));
    }

    private static Optional<Long> minutes(String value, ElementText text) {
        return number(value, text, "must be a whole number of minutes");
    }

    private static Optional<Long> days(String value, ElementText text) {
        return number(value, text, "must be a whole number of days");
    }

    private static Optional<Long> number(String value, ElementText text, String rule) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            text.report(rule);
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> named(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(name)).findFirst();
    }
}
