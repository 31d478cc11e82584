package io.lanyard.core;

/**
 * Lanyard's URL paths, relative to the host's base URL. Products serve a plugin's {@code <servlet url-pattern="/x">}
 * at {@code /plugins/servlet/x}; the sandbox maps the same servlets at the same paths. None of them clashes with
 * the products' own SSO endpoints.
 */
public final class LanyardPaths {

    /** Everything of Lanyard's lives under this prefix. */
    public static final String PREFIX = "/plugins/servlet/lanyard";
    /** The redirect URI of a provider is this prefix followed by the provider's id. */
    public static final String CALLBACK_PREFIX = PREFIX + "/callback/";
    /** Starts a login at a chosen provider: {@code ?idp=<id>&return=<path>}. */
    public static final String LOGIN = PREFIX + "/login";
    /** Shows an error by code and correlation id. */
    public static final String ERROR = PREFIX + "/error";
    /** The page a person sees after logging out (rendered by the sign-in pages; the logout flow redirects to it). */
    public static final String LOGGED_OUT = PREFIX + "/logged-out";
    /** Administration pages. */
    public static final String ADMIN = PREFIX + "/admin";
    /**
     * Lanyard's public signing keys (JWKS, RFC 7517 §5) for providers that check its {@code private_key_jwt}
     * assertions with keys they fetch: anyone may read it, it holds public keys only.
     */
    public static final String JWKS = PREFIX + "/jwks";
    /** The JSON API for automation (same authorization as the admin pages). */
    public static final String API = PREFIX + "/api";

    /** Back-Channel Logout 1.0: a provider POSTs its logout tokens here, followed by the provider's id. */
    public static final String BACK_CHANNEL_LOGOUT_PREFIX = PREFIX + "/backchannel-logout/";
    /** Front-Channel Logout 1.0: a provider's logout page frames this, followed by the provider's id. */
    public static final String FRONT_CHANNEL_LOGOUT_PREFIX = PREFIX + "/frontchannel-logout/";
    /**
     * RP-Initiated Logout 1.0: the {@code post_logout_redirect_uri} of every provider, where the browser comes back from
     * the provider's logout with the {@code state} Lanyard sent.
     */
    public static final String POST_LOGOUT = PREFIX + "/post-logout";

    private LanyardPaths() {
    }

    public static String callbackPath(String identityProviderId) {
        return CALLBACK_PREFIX + identityProviderId;
    }

    public static String backChannelLogoutPath(String identityProviderId) {
        return BACK_CHANNEL_LOGOUT_PREFIX + identityProviderId;
    }

    public static String frontChannelLogoutPath(String identityProviderId) {
        return FRONT_CHANNEL_LOGOUT_PREFIX + identityProviderId;
    }
}
