package io.lanyard.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The derived Platform 8 jars (Jira 11, Confluence 10, Bitbucket 10, Bamboo 12) against a jakarta.servlet host. Run
 * twice by {@code mvn verify}: on the build's Java, and (profile {@code platform8-java}) on Temurin 25, the stand-in
 * for Platform 8's Java 21, which is not installed here.
 */
class JakartaPluginsInFelixIT extends PluginsInFelixContract {

    @Override
    Generation generation() {
        return Generation.JAKARTA;
    }

    /** The execution asked for a Java (lanyard.expected.java) runs on it, so the second run is what it says. */
    @Test
    void runsOnTheJavaItWasStartedFor() {
        Integer expected = Integer.getInteger("lanyard.expected.java");
        if (expected != null) {
            assertThat(Runtime.version().feature()).isEqualTo(expected);
        }
    }
}
