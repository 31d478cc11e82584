package io.lanyard.core.provisioning;

import java.util.Objects;

/**
 * A group the identity provider says a person is in.
 *
 * @param value the group as the provider sends it in a token (a name, a role, or an Entra ID object id)
 * @param name  its display name when known (Microsoft Graph gives it for an object id), otherwise {@code value}
 */
public record ProviderGroup(String value, String name) {

    public ProviderGroup {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(name, "name");
    }

    /** A group known by one text only, as most providers send them. */
    public static ProviderGroup named(String value) {
        return new ProviderGroup(value, value);
    }

    @Override
    public String toString() {
        return value.equals(name) ? value : name + " (" + value + ")";
    }
}
