package com.atlassian.sal.api.lifecycle;

/**
 * Declaration only, the host provides the real interface (SAL 5.1.4). The host calls it only on beans exported as an
 * OSGi service under this interface. Evidence: docs/host-evidence.md, topic 4.
 */
public interface LifecycleAware {

    /** Once the product and the plugin system are up. */
    void onStart();

    void onStop();
}
