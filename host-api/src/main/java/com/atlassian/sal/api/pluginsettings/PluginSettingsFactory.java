package com.atlassian.sal.api.pluginsettings;

/**
 * Declaration only, the host provides the real interface (SAL 5.1.4; an OSGi service on all four products, Jira 11.3
 * and Confluence 10.2 included). Evidence: docs/host-evidence.md, topic 4.
 */
public interface PluginSettingsFactory {

    PluginSettings createSettingsForKey(String key);

    PluginSettings createGlobalSettings();
}
