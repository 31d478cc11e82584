package io.lanyard.core.signin;

import io.lanyard.core.config.IdentityProviderConfig;
import java.util.Comparator;
import java.util.List;

/** The providers the chooser shows: enabled, not hidden, by their order and then as the file lists them. */
public final class ChooserProviders {

    private ChooserProviders() {
    }

    public static List<IdentityProviderConfig> of(List<IdentityProviderConfig> enabled) {
        // List.sort is stable: providers of equal order keep the file's order.
        return enabled.stream().filter(provider -> provider.signIn().showOnChooser())
                .sorted(Comparator.comparingInt(provider -> provider.signIn().order()))
                .toList();
    }
}
