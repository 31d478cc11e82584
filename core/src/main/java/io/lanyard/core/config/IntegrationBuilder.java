package io.lanyard.core.config;

import io.lanyard.core.secret.StoredSecret;
import java.time.LocalDate;

/**
 * The builder of one kind of {@link Integration}: holds the rules of that kind, and refuses an invalid integration
 * with every reason at once. The file readers, the admin forms and the JSON API set what every kind has through
 * these methods and the rest through the kind's own builder type.
 *
 * @param <C> the integration it builds
 */
public interface IntegrationBuilder<C extends Integration> {

    IntegrationBuilder<C> id(String value);

    IntegrationBuilder<C> displayName(String value);

    IntegrationBuilder<C> enabled(boolean value);

    IntegrationBuilder<C> clientSecret(StoredSecret value);

    /** {@code CLIENT_SECRET_NEXT}: the next secret of a rotation, or none. */
    IntegrationBuilder<C> nextClientSecret(StoredSecret value);

    /** {@code CLIENT_SECRET_EXPIRES_ON}, or null for none. */
    IntegrationBuilder<C> clientSecretExpiresOn(LocalDate value);

    /**
     * @throws ConfigurationException listing every invalid field
     */
    C build();
}
