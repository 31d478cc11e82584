package io.lanyard.core.config;

import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One trust policy for CI job tokens ("CI jobs without secrets", issue 17), validated and immutable: which CI's tokens
 * (issuer, audience), which jobs (claim conditions, all must hold) and what such a job may do (a service account,
 * read-only or not, REST path prefixes, a maximum token age). Owns no secret: a CI token is checked with the CI's
 * public keys only.
 *
 * @param id                      12 lower-case letters and digits
 * @param displayName             shown to administrators and in the audit log
 * @param enabled                 a disabled policy matches nothing
 * @param ciProvider              which CI (its key location, id claims and audit claims)
 * @param issuer                  the tokens' {@code iss}, compared exactly
 * @param jwksUri                 where the keys are; empty: the CI's preset ({@code <iss>/keys.json} for Bitbucket)
 *                                or the issuer's discovery document
 * @param audiences               the trusted audiences: {@code aud} must be one of them, and an array {@code aud} is
 *                                accepted only if every member is one of them
 * @param conditions              claim conditions, at least one, all must hold
 * @param account                 the service account a matching job acts as
 * @param serviceAccountDirectory where the account is created if missing; empty: the host's first writable directory
 * @param readOnly                {@code GET}, {@code HEAD} and {@code OPTIONS} only
 * @param pathPrefixes            the REST paths the job may call; empty: any
 * @param maxTokenAge             how old a token may be by its {@code iat}; empty: only its {@code exp} counts
 */
public record CiTrustPolicy(
        String id,
        String displayName,
        boolean enabled,
        CiProvider ciProvider,
        String issuer,
        Optional<URI> jwksUri,
        List<String> audiences,
        List<ClaimCondition> conditions,
        String account,
        Optional<String> serviceAccountDirectory,
        boolean readOnly,
        List<String> pathPrefixes,
        Optional<Duration> maxTokenAge) implements Integration {

    /** Tolerance for {@code exp}, {@code nbf} and {@code iat}, as for bearer tokens. */
    public static final Duration CLOCK_SKEW = TokenIssuerConfig.DEFAULT_CLOCK_SKEW;

    public CiTrustPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(ciProvider, "ciProvider");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUri, "jwksUri");
        audiences = List.copyOf(audiences);
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(serviceAccountDirectory, "serviceAccountDirectory");
        pathPrefixes = List.copyOf(pathPrefixes);
        Objects.requireNonNull(maxTokenAge, "maxTokenAge");
    }

    public static CiTrustPolicyBuilder builder() {
        return new CiTrustPolicyBuilder(null);
    }

    /** A builder for a new policy, with a newly generated id. */
    public static CiTrustPolicyBuilder newPolicy() {
        return new CiTrustPolicyBuilder(IdGenerator.newConnectorId());
    }

    public CiTrustPolicyBuilder toBuilder() {
        return CiTrustPolicyBuilder.from(this);
    }

    @Override
    public StoredSecret clientSecret() {
        return StoredSecret.none();
    }

    /**
     * Where the keys are, when known without discovery: the configured {@code jwksUri}, or the CI's preset location
     * under the issuer. Empty: take {@code jwks_uri} from {@link #discoveryUrl()}.
     */
    public Optional<URI> knownKeysLocation() {
        if (jwksUri.isPresent()) {
            return jwksUri;
        }
        return ciProvider.keysPath().map(path -> URI.create(withoutTrailingSlash(issuer) + path));
    }

    /** OpenID Connect Discovery 1.0 §4: the issuer's metadata. */
    public URI discoveryUrl() {
        return URI.create(withoutTrailingSlash(issuer) + "/.well-known/openid-configuration");
    }

    /**
     * Conditions on claims that name something renameable where the CI also offers an immutable id: a renamed or
     * re-created repository must not inherit access. Shown at save, not refused (a branch has no id).
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (ClaimCondition condition : conditions) {
            ciProvider.idClaimFor(condition.claim()).ifPresent(idClaim -> warnings.add("condition on \""
                    + condition.claim() + "\": " + ciProvider.label() + " also offers the id claim \"" + idClaim
                    + "\", which a renamed or re-created repository does not inherit; prefer a condition on it"));
        }
        return warnings;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "CiTrustPolicy[id=" + id + ", displayName=" + displayName + ", enabled=" + enabled + ", ci=" + ciProvider
                + ", issuer=" + issuer + ", audiences=" + audiences + ", conditions=" + conditions + ", account="
                + account + ", readOnly=" + readOnly + ", paths=" + pathPrefixes + "]";
    }
}
