package io.lanyard.osgi;

/** The derived Platform 8 jars (Jira 11, Confluence 10, Bitbucket 10, Bamboo 11+) against a jakarta.servlet host. */
class JakartaPluginsInFelixIT extends PluginsInFelixContract {

    @Override
    Generation generation() {
        return Generation.JAKARTA;
    }
}
