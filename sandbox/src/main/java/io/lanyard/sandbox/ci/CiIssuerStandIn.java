package io.lanyard.sandbox.ci;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Stand-ins for the OpenID Connect issuers of three CI systems, over real HTTP on {@code 127.0.0.1}: each publishes
 * a discovery document and its keys where the real one does, and mints job tokens with that CI's exact claim shapes
 * (what a job would find in its variable). Shared by the sandbox (README "CI jobs without secrets") and the tests.
 * One RSA key, made at start; tokens are RS256 with its {@code kid}.
 *
 * <p>Where each shape comes from:
 * <ul>
 * <li>Bitbucket Pipelines: Atlassian, "Integrate Pipelines with resource servers using OIDC"
 *     (support.atlassian.com/bitbucket-cloud/docs/integrate-pipelines-with-resource-servers-using-oidc/) and the
 *     repository's "OpenID Connect" settings page: issuer
 *     {@code https://api.bitbucket.org/2.0/workspaces/<workspace>/pipelines-config/identity/oidc}, keys at
 *     {@code <issuer>/keys.json}, audience {@code ari:cloud:bitbucket::workspace/<workspace uuid>}; UUID claims in
 *     braces ({@code workspaceUuid}, {@code repositoryUuid}, {@code pipelineUuid}, {@code stepUuid},
 *     {@code deploymentEnvironmentUuid}), {@code branchName}, {@code sub} {@code {repositoryUuid}:{stepUuid}} (with
 *     {@code :{deploymentEnvironmentUuid}} before the step in a deployment step), so it changes with every step.</li>
 * <li>GitHub Actions: GitHub Docs, "OpenID Connect reference" (docs.github.com/en/actions/reference/security/oidc):
 *     issuer {@code https://token.actions.githubusercontent.com} (GHES {@code https://<host>/_services/token}),
 *     {@code typ} {@code JWT}, {@code sub} {@code repo:<owner>/<repo>:ref:refs/heads/<branch>} or
 *     {@code repo:<owner>/<repo>:environment:<name>}, ids as strings ({@code repository_id},
 *     {@code repository_owner_id}, {@code actor_id}, {@code run_id}), {@code ref}, {@code environment},
 *     {@code job_workflow_ref} {@code <owner>/<repo>/.github/workflows/<file>@<ref>}; aud the owner's URL by
 *     default.</li>
 * <li>GitLab CI: GitLab Docs, "OpenID Connect (OIDC) Authentication Using ID Tokens"
 *     (docs.gitlab.com/ci/secrets/id_token_authentication/): {@code sub}
 *     {@code project_path:<group>/<project>:ref_type:<type>:ref:<ref>}, ids as strings ({@code project_id},
 *     {@code namespace_id}, {@code pipeline_id}, {@code job_id}, {@code user_id}), {@code ref} without
 *     {@code refs/heads/}, {@code ref_type}, {@code ref_protected} as a string; aud whatever {@code id_tokens}
 *     asks for.</li>
 * </ul>
 */
public final class CiIssuerStandIn implements AutoCloseable {

    /** The sandbox's sample Bitbucket workspace and repository. */
    public static final String WORKSPACE = "sandbox";
    public static final String WORKSPACE_UUID = "{2f4b1b7e-5d1a-4c2e-9a53-8f7c0e6d1a20}";
    public static final String REPOSITORY_UUID = "{6a1f0c9e-3b7d-4e52-8c1a-0d9e7f6b5a43}";
    public static final String BITBUCKET_AUDIENCE = "ari:cloud:bitbucket::workspace/"
            + WORKSPACE_UUID.substring(1, WORKSPACE_UUID.length() - 1);
    /** The sample GitHub repository {@code octo-org/octo-repo} and its owner, by id. */
    public static final String GITHUB_REPOSITORY_ID = "892374";
    public static final String GITHUB_OWNER_ID = "65";
    /** The sample GitLab project {@code my-group/my-project}, by id. */
    public static final String GITLAB_PROJECT_ID = "20";
    public static final String GITLAB_NAMESPACE_ID = "72";

    /** The three CIs, each under its own path of the one server. */
    public enum Ci {
        BITBUCKET("/2.0/workspaces/" + WORKSPACE + "/pipelines-config/identity/oidc", "/keys.json"),
        GITHUB("/_services/token", "/.well-known/jwks"),
        GITLAB("/gitlab", "/oauth/discovery/keys");

        private final String issuerPath;
        private final String keysPath;

        Ci(String issuerPath, String keysPath) {
            this.issuerPath = issuerPath;
            this.keysPath = keysPath;
        }
    }

    private final HttpServer server;
    private final RSAKey key;
    private final Clock clock;

    private CiIssuerStandIn(HttpServer server, RSAKey key, Clock clock) {
        this.server = server;
        this.key = key;
        this.clock = clock;
    }

    /** @param port 0 for any free port */
    public static CiIssuerStandIn start(int port, Clock clock) throws IOException {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyID("ci-" + UUID.randomUUID().toString().substring(0, 8)).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("no RSA key for the CI stand-in", e);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        CiIssuerStandIn standIn = new CiIssuerStandIn(server, key, clock);
        for (Ci ci : Ci.values()) {
            server.createContext(ci.issuerPath + "/.well-known/openid-configuration",
                    exchange -> standIn.respond(exchange, standIn.discovery(ci)));
            server.createContext(ci.issuerPath + ci.keysPath,
                    exchange -> standIn.respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
        }
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "ci-issuer-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return standIn;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The CI's issuer ({@code iss}) on this server. */
    public String issuer(Ci ci) {
        return "http://localhost:" + port() + ci.issuerPath;
    }

    private String discovery(Ci ci) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer(ci));
        document.put("jwks_uri", issuer(ci) + ci.keysPath);
        document.put("subject_types_supported", List.of("public"));
        document.put("response_types_supported", List.of("id_token"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        return JSONObjectUtils.toJSONString(document);
    }

    /**
     * A job token of {@code ci} for its sample job (Bitbucket: a step on {@code main} of {@link #REPOSITORY_UUID};
     * GitHub: {@code octo-org/octo-repo} on {@code refs/heads/main}; GitLab: {@code my-group/my-project} on
     * {@code main}), issued now for 5 minutes ({@code iat} a few seconds back, as a job reads it later).
     *
     * @param changes claims to set (strings; {@code exp} and {@code iat} are numbers: seconds from now), or remove
     *                with an empty value; {@code sub} follows the others as the CI derives it unless it is given
     */
    public String mint(Ci ci, Map<String, String> changes) {
        Map<String, Object> claims = switch (ci) {
            case BITBUCKET -> bitbucket();
            case GITHUB -> github();
            case GITLAB -> gitlab();
        };
        long now = clock.instant().getEpochSecond();
        changes.forEach((name, value) -> {
            if (value.isEmpty()) {
                claims.remove(name);
            } else if ((name.equals("exp") || name.equals("iat") || name.equals("nbf")) && value.matches("-?\\d{1,7}")) {
                claims.put(name, now + Long.parseLong(value));
            } else {
                claims.put(name, value);
            }
        });
        if (!changes.containsKey("sub")) {
            claims.put("sub", subject(ci, claims));
        }
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID());
        if (ci == Ci.GITHUB) {
            header.type(JOSEObjectType.JWT);
        }
        try {
            JWSObject jws = new JWSObject(header.build(), new Payload(JSONObjectUtils.toJSONString(claims)));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("the CI stand-in cannot sign", e);
        }
    }

    /**
     * The {@code sub} each CI derives from the other claims: Bitbucket {@code {repositoryUuid}:{stepUuid}} (with the
     * deployment environment between them in a deployment step); GitHub by environment if the job has one, else by
     * ref; GitLab by ref type and ref.
     */
    private static String subject(Ci ci, Map<String, Object> claims) {
        return switch (ci) {
            case BITBUCKET -> claims.get("repositoryUuid") + (claims.containsKey("deploymentEnvironmentUuid")
                    ? ":" + claims.get("deploymentEnvironmentUuid") : "") + ":" + claims.get("stepUuid");
            case GITHUB -> "repo:" + claims.get("repository") + (claims.containsKey("environment")
                    ? ":environment:" + claims.get("environment") : ":ref:" + claims.get("ref"));
            case GITLAB -> "project_path:" + claims.get("project_path") + ":ref_type:" + claims.get("ref_type")
                    + ":ref:" + claims.get("ref");
        };
    }

    private Map<String, Object> times(Map<String, Object> claims) {
        Instant now = clock.instant();
        claims.put("iat", now.minusSeconds(5).getEpochSecond());
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        return claims;
    }

    private Map<String, Object> bitbucket() {
        String step = "{3c1d8e2f-6b7a-4c90-8e1f-" + random12() + "}";
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", REPOSITORY_UUID + ":" + step);
        claims.put("aud", BITBUCKET_AUDIENCE);
        claims.put("stepUuid", step);
        claims.put("iss", issuer(Ci.BITBUCKET));
        claims.put("accountUuid", "{0b7c6d5e-4f3a-4b2c-9d1e-0f9a8b7c6d5e}");
        claims.put("repositoryUuid", REPOSITORY_UUID);
        claims.put("branchName", "main");
        claims.put("pipelineUuid", "{9e8d7c6b-5a4f-4e3d-8c2b-" + random12() + "}");
        claims.put("workspaceUuid", WORKSPACE_UUID);
        return times(claims);
    }

    private Map<String, Object> github() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("sub", "repo:octo-org/octo-repo:ref:refs/heads/main");
        claims.put("aud", "https://github.com/octo-org");
        claims.put("ref", "refs/heads/main");
        claims.put("sha", "d6b1f0c2a3e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8");
        claims.put("repository", "octo-org/octo-repo");
        claims.put("repository_owner", "octo-org");
        claims.put("repository_owner_id", GITHUB_OWNER_ID);
        claims.put("repository_id", GITHUB_REPOSITORY_ID);
        claims.put("repository_visibility", "private");
        claims.put("actor", "octocat");
        claims.put("actor_id", "583231");
        claims.put("run_id", "8123456789");
        claims.put("run_number", "10");
        claims.put("run_attempt", "1");
        claims.put("runner_environment", "github-hosted");
        claims.put("workflow", "release");
        claims.put("event_name", "push");
        claims.put("ref_type", "branch");
        claims.put("job_workflow_ref", "octo-org/octo-repo/.github/workflows/release.yml@refs/heads/main");
        claims.put("iss", issuer(Ci.GITHUB));
        claims.put("nbf", clock.instant().minusSeconds(10).getEpochSecond());
        return times(claims);
    }

    private Map<String, Object> gitlab() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("namespace_id", GITLAB_NAMESPACE_ID);
        claims.put("namespace_path", "my-group");
        claims.put("project_id", GITLAB_PROJECT_ID);
        claims.put("project_path", "my-group/my-project");
        claims.put("user_id", "1");
        claims.put("user_login", "sample-user");
        claims.put("pipeline_id", "574");
        claims.put("pipeline_source", "push");
        claims.put("job_id", "302");
        claims.put("ref", "main");
        claims.put("ref_type", "branch");
        claims.put("ref_path", "refs/heads/main");
        claims.put("ref_protected", "true");
        claims.put("runner_id", 1);
        claims.put("runner_environment", "self-hosted");
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iss", issuer(Ci.GITLAB));
        claims.put("nbf", clock.instant().minusSeconds(10).getEpochSecond());
        claims.put("sub", "project_path:my-group/my-project:ref_type:branch:ref:main");
        claims.put("aud", "https://jira.example.com");
        return times(claims);
    }

    private static String random12() {
        return UUID.randomUUID().toString().substring(24);
    }

    private void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
