package io.lanyard.osgi;

/** The Platform 7 jars (Jira 10, Confluence 9, Bitbucket 9, Bamboo 10 and 11) against a javax.servlet host. */
class JavaxPluginsInFelixIT extends PluginsInFelixContract {

    @Override
    Generation generation() {
        return Generation.JAVAX;
    }
}
