package io.lanyard.core.config;

import java.net.URI;
import java.util.Optional;

/**
 * The Microsoft cloud an Entra ID tenant lives in. Each has its own sign-in authority and Microsoft Graph endpoint
 * (Microsoft Graph documentation, "National cloud deployments").
 */
public enum NationalCloud {
    /** Microsoft's global service. */
    GLOBAL("https://login.microsoftonline.com", "https://graph.microsoft.com"),
    /** Microsoft Graph for US Government L4 (GCC High). DoD tenants give their Graph URL explicitly. */
    US_GOV("https://login.microsoftonline.us", "https://graph.microsoft.us"),
    /** Microsoft Graph China operated by 21Vianet. */
    CHINA("https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn");

    private final URI authority;
    private final URI graphBaseUrl;

    NationalCloud(String authority, String graphBaseUrl) {
        this.authority = URI.create(authority);
        this.graphBaseUrl = URI.create(graphBaseUrl);
    }

    /** Where tokens for this cloud are issued, without a trailing slash. */
    public URI authority() {
        return authority;
    }

    /** Microsoft Graph's base URL in this cloud, without a trailing slash or version. */
    public URI graphBaseUrl() {
        return graphBaseUrl;
    }

    /** Exact, upper-case: a misspelt cloud is an error, not a guess. */
    public static Optional<NationalCloud> fromName(String name) {
        for (NationalCloud cloud : values()) {
            if (cloud.name().equals(name)) {
                return Optional.of(cloud);
            }
        }
        return Optional.empty();
    }
}
