package com.atlassian.crowd.model.user;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Declaration only, the host provides the real class (crowd-api 5.1.6): a new user with attributes for
 * {@code CrowdService.addUser(UserWithAttributes, String)} and {@code DirectoryManager.addUser(long,
 * UserTemplateWithAttributes, PasswordCredential)}. The body keeps its values for fake hosts in tests. Evidence:
 * docs/host-evidence.md, topic 2.
 */
public class UserTemplateWithAttributes extends UserTemplate implements UserWithAttributes {

    private static final long serialVersionUID = 1L;

    private final Map<String, Set<String>> attributes = new LinkedHashMap<>();

    public UserTemplateWithAttributes(String username, long directoryId) {
        super(username, directoryId);
    }

    public Map<String, Set<String>> getAttributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public void setAttribute(String name, String value) {
        attributes.put(name, new LinkedHashSet<>(Collections.singleton(value)));
    }

    public void setAttribute(String name, Set<String> values) {
        attributes.put(name, new LinkedHashSet<>(values));
    }

    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public Set<String> getValues(String name) {
        Set<String> values = attributes.get(name);
        return values == null ? null : Collections.unmodifiableSet(values);
    }

    @Override
    public String getValue(String name) {
        Set<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    @Override
    public Set<String> getKeys() {
        return Collections.unmodifiableSet(attributes.keySet());
    }

    @Override
    public boolean isEmpty() {
        return attributes.isEmpty();
    }
}
