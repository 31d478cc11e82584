package com.atlassian.sal.api.pluginsettings;

/**
 * Declaration only, the host provides the real interface (SAL 5.1.4). Values: {@code String}, {@code List<String>},
 * {@code Map<String, String>}, {@code Properties}.
 */
public interface PluginSettings {

    Object get(String key);

    /** The previous value. */
    Object put(String key, Object value);

    Object remove(String key);
}
