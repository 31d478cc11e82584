package io.lanyard.core.host;

import java.util.Objects;

/**
 * Port: which Atlassian product Lanyard runs in, and its version, as SAL's {@code ApplicationProperties} reports
 * them ({@code getPlatformId()}, {@code getVersion()}). Some behaviour depends on it: Bitbucket 9 and later
 * encrypt {@code secrets.secured-properties}, other hosts do not.
 */
public interface HostProduct {

    String JIRA = "jira";
    String CONFLUENCE = "conf";
    String BITBUCKET = "bitbucket";
    String BAMBOO = "bamboo";

    /** {@value #JIRA}, {@value #CONFLUENCE}, {@value #BITBUCKET} or {@value #BAMBOO}. */
    String platformId();

    /** The product's version as it reports it, e.g. {@code 9.4.2}. */
    String version();

    /** A fixed product and version: for the sandbox, which pretends to be any product, and for tests. */
    static HostProduct of(String platformId, String version) {
        return new Fixed(platformId, version);
    }

    /** A product and version given up front. */
    record Fixed(String platformId, String version) implements HostProduct {

        public Fixed {
            Objects.requireNonNull(platformId, "platformId");
            Objects.requireNonNull(version, "version");
        }

        @Override
        public String toString() {
            return platformId + " " + version;
        }
    }
}
