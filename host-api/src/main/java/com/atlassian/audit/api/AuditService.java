package com.atlassian.audit.api;

import com.atlassian.audit.entity.AuditEvent;

/**
 * Declaration only, the host provides the real interface (atlassian-audit-api 1.16.2), published by the bundled
 * atlassian-audit plugin in Jira (8.8+), Confluence (7.5+) and Bitbucket (7.0+), not in Bamboo. Atlassian's own SSO
 * plugin reaches it through an OSGi {@code ServiceTracker} and skips auditing when it is absent: import it as an
 * optional service. Evidence: docs/host-evidence.md, topic 6.
 */
public interface AuditService {

    void audit(AuditEvent event);
}
