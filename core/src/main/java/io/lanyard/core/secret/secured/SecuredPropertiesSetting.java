package io.lanyard.core.secret.secured;

import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.SecretPropertyNames;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM setting {@code -Dsecrets.secured-properties=NAME1,NAME2} and the hosts it applies to.
 *
 * <p>"To encrypt the Client Secret given with the parameters above, use the startup parameter
 * secrets.secured-properties. This should be set as a comma-separated list of the parameter names that should be
 * encrypted during startup." "For Bitbucket versions 9 and above, these parameters can be encrypted when they are
 * read by Bitbucket."
 */
public final class SecuredPropertiesSetting {

    /** The system property's name, as the specification spells it. */
    public static final String PROPERTY = "secrets.secured-properties";

    private static final int FIRST_SUPPORTED_BITBUCKET = 9;
    private static final Pattern MAJOR_VERSION = Pattern.compile("^(\\d{1,4})(?:\\D.*)?$");

    private SecuredPropertiesSetting() {
    }

    /**
     * The names of ours in the setting, in order, without duplicates. Other names are left alone: Bitbucket reads
     * the same setting for properties of its own.
     */
    public static List<String> namesOfOurs(String setting) {
        if (setting == null) {
            return List.of();
        }
        return Arrays.stream(setting.split(","))
                .map(String::strip)
                .filter(SecretPropertyNames::isOurs)
                .distinct()
                .toList();
    }

    /** Empty when the host encrypts secured properties (Bitbucket 9 or later); otherwise why it does not. */
    public static Optional<String> whyNotSupported(HostProduct host) {
        if (!HostProduct.BITBUCKET.equals(host.platformId())) {
            return Optional.of("secured properties are a Bitbucket 9+ feature and this host is " + host.platformId()
                    + " " + host.version());
        }
        Matcher major = MAJOR_VERSION.matcher(host.version().strip());
        if (!major.matches()) {
            return Optional.of("the Bitbucket version \"" + host.version() + "\" is not understood");
        }
        if (Integer.parseInt(major.group(1)) < FIRST_SUPPORTED_BITBUCKET) {
            return Optional.of("secured properties need Bitbucket 9 or later and this host is Bitbucket "
                    + host.version());
        }
        return Optional.empty();
    }
}
