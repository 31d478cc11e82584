package io.lanyard.core.diagnostics;

import java.util.Locale;

/** Something a provider's metadata says that will make logins fail although the check itself passed. */
public enum CheckWarning {
    /** None of the configured ID token algorithms is among those the provider announces. */
    ALGORITHMS_NOT_ANNOUNCED,
    /** The configured client authentication method is not among those the provider announces. */
    CLIENT_AUTH_METHOD_NOT_ANNOUNCED,
    /** Userinfo is switched on but the provider announces no userinfo endpoint. */
    NO_USERINFO_ENDPOINT,
    /** No client secret is stored or provided: logins will fail with LNY-105. */
    CLIENT_SECRET_NOT_SET;

    /** The i18n key of the explanation. */
    public String i18nKey() {
        return "lanyard.admin.check.warning." + name().toLowerCase(Locale.ROOT);
    }
}
