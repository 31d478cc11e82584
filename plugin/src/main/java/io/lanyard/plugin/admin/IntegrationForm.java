package io.lanyard.plugin.admin;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.secret.StoredSecret;
import java.util.Map;

/**
 * What an admin form holds: the text the administrator typed (never a secret), shown again as typed when the
 * configuration it makes is refused.
 *
 * @param <C> the configuration the form makes
 */
interface IntegrationForm<C> {

    String id();

    /** The fields for the form's template. */
    Map<String, Object> toSoy();

    /** @throws ConfigurationException with every field's errors */
    C toConfig(StoredSecret clientSecret);
}
