package io.lanyard.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CI systems whose job tokens a {@link CiTrustPolicy} can trust, with what Lanyard knows of each: where its keys
 * are, which of its claims name things that can be renamed or re-created (and the immutable id claim to use instead),
 * and which claims identify the repository, branch and job in the audit log.
 *
 * <p>Sources: Bitbucket "Integrate Pipelines with resource servers using OIDC" (support.atlassian.com; issuer
 * {@code https://api.bitbucket.org/2.0/workspaces/<workspace>/pipelines-config/identity/oidc}, keys at
 * {@code <issuer>/keys.json}, {@code sub} per step); GitHub "OpenID Connect reference" (docs.github.com,
 * actions/reference/security/oidc; {@code repository_id}, {@code repository_owner_id}); GitLab "OpenID Connect (OIDC)
 * Authentication Using ID Tokens" (docs.gitlab.com, ci/secrets/id_token_authentication; {@code project_id},
 * {@code namespace_id}).
 */
public enum CiProvider {

    /** Bitbucket Pipelines: one issuer per workspace; keys at {@code <iss>/keys.json}. */
    BITBUCKET_PIPELINES("Bitbucket Pipelines", Optional.of("/keys.json"),
            // sub is {repositoryUuid}:{stepUuid}: it changes with every step, so it can never be a stable condition.
            Map.of("sub", "repositoryUuid", "repository", "repositoryUuid", "workspace", "workspaceUuid",
                    "deploymentEnvironment", "deploymentEnvironmentUuid"),
            List.of("repositoryUuid", "branchName", "deploymentEnvironmentUuid", "pipelineUuid", "stepUuid")),
    /** GitHub Actions ({@code https://token.actions.githubusercontent.com}, or GHES {@code https://<host>/_services/token}). */
    GITHUB_ACTIONS("GitHub Actions", Optional.empty(),
            Map.of("sub", "repository_id", "repository", "repository_id", "repository_owner", "repository_owner_id",
                    "actor", "actor_id"),
            List.of("repository", "repository_id", "ref", "environment", "job_workflow_ref", "run_id")),
    /** GitLab CI ({@code https://gitlab.com} or a self-managed instance's URL). */
    GITLAB("GitLab CI", Optional.empty(),
            Map.of("sub", "project_id", "project_path", "project_id", "namespace_path", "namespace_id",
                    "user_login", "user_id"),
            List.of("project_path", "project_id", "ref", "environment", "pipeline_id", "job_id")),
    /** Any other issuer of workload tokens, its keys found by discovery. */
    OTHER("Other (by discovery)", Optional.empty(), Map.of(), List.of("sub"));

    private final String label;
    private final Optional<String> keysPath;
    private final Map<String, String> idClaimForName;
    private final List<String> auditClaims;

    CiProvider(String label, Optional<String> keysPath, Map<String, String> idClaimForName, List<String> auditClaims) {
        this.label = label;
        this.keysPath = keysPath;
        this.idClaimForName = idClaimForName;
        this.auditClaims = auditClaims;
    }

    public String label() {
        return label;
    }

    /** Where this CI's keys are relative to its issuer; empty: the issuer's discovery document says. */
    public Optional<String> keysPath() {
        return keysPath;
    }

    /** For a claim that names something mutable, the id claim this CI also offers; empty when there is none. */
    public Optional<String> idClaimFor(String claim) {
        return Optional.ofNullable(idClaimForName.get(claim));
    }

    /** The claims that identify repository, branch and job, for the audit log, in order. */
    public List<String> auditClaims() {
        return auditClaims;
    }
}
