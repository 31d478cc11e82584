package io.lanyard.core.secret;

import java.util.regex.Pattern;

/**
 * The names under which a client secret can be given from outside the configuration files, exactly as the
 * specification spells them. Each name serves both as an environment variable and as a JVM system property
 * ({@code -DNAME=value}).
 *
 * <p>"For an OIDC identity provider the general name of the property is:
 * ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET. For Entra ID API connector:
 * ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_STATIC_CLIENTSECRET. If you have more than one OIDC
 * IdP or Entra ID connector, the property can be used with the KSSO id for the provider or connector."
 *
 * <p>During a rotation a second, "next" secret can be given beside the current one, under the same name with
 * {@value #NEXT_SUFFIX} appended (e.g. {@code ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET_NEXT}).
 * The specification's names are untouched: a name without the suffix is always the current secret.
 */
public final class SecretPropertyNames {

    /** Any OIDC identity provider. */
    public static final String IDENTITY_PROVIDER_STATIC = "ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET";
    /** Any Entra ID connector. */
    public static final String CONNECTOR_STATIC =
            "ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_STATIC_CLIENTSECRET";

    /**
     * Any API access token issuer (issue 16; not in the specification, which predates API access: named in its
     * pattern so that {@code secrets.secured-properties} and the same start scripts take it).
     */
    public static final String TOKEN_ISSUER_STATIC = "ORG_KANTEGA_ATLASKERB_APIACCESS_TOKENISSUER_STATIC_CLIENTSECRET";

    private static final String TOKEN_ISSUER_PREFIX = "ORG_KANTEGA_ATLASKERB_APIACCESS_TOKENISSUER_";
    private static final String IDENTITY_PROVIDER_PREFIX = "ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDC_";
    private static final String CONNECTOR_PREFIX = "ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_";
    private static final String SUFFIX = "_CLIENTSECRET";
    /** Appended to any of the names above for the next secret of a rotation. */
    public static final String NEXT_SUFFIX = "_NEXT";

    // Ids are letters and digits (the configuration builders enforce it), so a per-id name is unambiguous.
    private static final String ID = "[A-Za-z0-9]{1,64}";
    private static final Pattern OURS = Pattern.compile("(?:"
            + Pattern.quote(IDENTITY_PROVIDER_STATIC)
            + "|" + Pattern.quote(CONNECTOR_STATIC)
            + "|" + Pattern.quote(IDENTITY_PROVIDER_PREFIX) + ID + Pattern.quote(SUFFIX)
            + "|" + Pattern.quote(CONNECTOR_PREFIX) + ID + Pattern.quote(SUFFIX)
            + "|" + Pattern.quote(TOKEN_ISSUER_STATIC)
            + "|" + Pattern.quote(TOKEN_ISSUER_PREFIX) + ID + Pattern.quote(SUFFIX)
            + ")(?:" + Pattern.quote(NEXT_SUFFIX) + ")?");

    private SecretPropertyNames() {
    }

    /**
     * One identity provider by its id, e.g. {@code ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDC_GOxXFuPXJgiyAwuXugVG_CLIENTSECRET}.
     * The id keeps its case: environment variables and system properties are case-sensitive.
     */
    public static String identityProvider(String id) {
        return IDENTITY_PROVIDER_PREFIX + requireId(id) + SUFFIX;
    }

    /** One Entra ID connector by its id, e.g. {@code ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_wdlfqm6se9un_CLIENTSECRET}. */
    public static String connector(String id) {
        return CONNECTOR_PREFIX + requireId(id) + SUFFIX;
    }

    /** One API access token issuer by its id, e.g. {@code ORG_KANTEGA_ATLASKERB_APIACCESS_TOKENISSUER_k3v9x2m1q8zt_CLIENTSECRET}. */
    public static String tokenIssuer(String id) {
        return TOKEN_ISSUER_PREFIX + requireId(id) + SUFFIX;
    }

    /** The name of the next secret for {@code name}, e.g. {@code …_CLIENTSECRET_NEXT}. */
    public static String next(String name) {
        return name + NEXT_SUFFIX;
    }

    /**
     * Whether {@code name} has one of the six shapes above, with or without {@value #NEXT_SUFFIX}: only such
     * names are read or secured by Lanyard.
     */
    public static boolean isOurs(String name) {
        return name != null && OURS.matcher(name).matches();
    }

    private static String requireId(String id) {
        if (id == null || !id.matches(ID)) {
            throw new IllegalArgumentException("an id is 1 to 64 letters and digits");
        }
        return id;
    }
}
