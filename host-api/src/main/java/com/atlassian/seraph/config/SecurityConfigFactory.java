package com.atlassian.seraph.config;

/**
 * Declaration only, the host provides the real class (Seraph 4.1.4), a static holder of the product's
 * configuration. The body keeps what {@link #setSecurityConfig} was given, as the real one does, so that fake hosts
 * in tests can install a configuration. Evidence: docs/host-evidence.md, topics 1 and 4.
 */
public class SecurityConfigFactory {

    private static volatile SecurityConfig instance;

    protected SecurityConfigFactory() {
        throw new UnsupportedOperationException("declaration only");
    }

    public static SecurityConfig getInstance() {
        SecurityConfig config = instance;
        if (config == null) {
            throw new IllegalStateException("declaration only: no security configuration was set");
        }
        return config;
    }

    public static void setSecurityConfig(SecurityConfig securityConfig) {
        instance = securityConfig;
    }
}
