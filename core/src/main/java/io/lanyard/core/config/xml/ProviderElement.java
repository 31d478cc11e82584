package io.lanyard.core.config.xml;


/**
 * The child elements of a {@code <provider>} in {@code provider.xml}, in the order the writer writes them, each
 * with the name the admin UI and the JSON API give the same field (used in {@code FieldError}s).
 */
enum ProviderElement implements ConfigElementReader.ChildElement {
    DISPLAY_NAME("displayName", true),
    DISCOVERY_URL("discoveryUrl", true),
    ISSUER("issuer", false),
    CLIENT_ID("clientId", true),
    CLIENT_SECRET("clientSecret", false),
    CLIENT_AUTH_METHOD("clientAuthMethod", false),
    SCOPES("scopes", false),
    USERNAME_CLAIM("usernameClaim", false),
    USERNAME_FALLBACK_CLAIMS("fallbackClaims", false),
    USERNAME_PATTERN("usernamePattern", false),
    USERNAME_LOWERCASE("lowerCaseUsername", false),
    USER_LOOKUP("userLookup", false),
    USE_USERINFO("useUserInfo", false),
    CLOCK_SKEW_SECONDS("clockSkew", false),
    ALLOWED_ALGORITHMS("allowedAlgorithms", false),
    TRUSTED_AUDIENCES("trustedAudiences", false),
    MAX_AUTHENTICATION_AGE_SECONDS("maxAuthenticationAge", false),
    ACR_VALUES("acrValues", false);

    private final String field;
    private final boolean required;

    ProviderElement(String field, boolean required) {
        this.field = field;
        this.required = required;
    }

    /** The field's name as in {@code IdentityProviderConfigBuilder}'s errors, e.g. {@code clockSkew}. */
    @Override
    public String field() {
        return field;
    }

    @Override
    public boolean required() {
        return required;
    }
}
