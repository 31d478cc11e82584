package io.lanyard.plugin.lifecycle;

import io.lanyard.core.host.LoginPage;
import java.util.Locale;

/** The login page of a product, by SAL platform id; what a product's Spring XML names. */
public final class LoginPages {

    private LoginPages() {
    }

    /**
     * @param platformId {@code jira}, {@code conf}, {@code bitbucket} or {@code bamboo} (as SAL's
     *                   {@code ApplicationProperties.getPlatformId()} reports them)
     */
    public static LoginPage forPlatform(String platformId) {
        switch (platformId.toLowerCase(Locale.ROOT)) {
            case "jira":
                return LoginPage.JIRA;
            case "conf":
            case "confluence":
                return LoginPage.CONFLUENCE;
            case "bitbucket":
                return LoginPage.BITBUCKET;
            case "bamboo":
                return LoginPage.BAMBOO;
            default:
                throw new IllegalArgumentException("no login page known for platform " + platformId);
        }
    }
}
