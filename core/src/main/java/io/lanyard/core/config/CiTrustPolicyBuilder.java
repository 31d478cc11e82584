package io.lanyard.core.config;

import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds a valid {@link CiTrustPolicy} or reports every field that is wrong: the one place the rules of a CI trust
 * policy live, for its file, the admin form and the JSON API alike. A policy without any claim condition is refused:
 * it would let every job of the CI (every repository of a workspace, or of all of GitHub) in.
 */
public final class CiTrustPolicyBuilder implements IntegrationBuilder<CiTrustPolicy> {

    private static final Pattern ID = Pattern.compile("[a-z0-9]{12}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._@+-]{1,255}");
    private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    /** Claims the validator checks itself; a condition on them would read as more than it is. */
    private static final List<String> RESERVED_CLAIMS = List.of("iss", "aud", "exp", "nbf", "iat");
    public static final Duration MAX_TOKEN_AGE = Duration.ofDays(1);

    private final String fixedId;
    private String id;
    private String displayName;
    private boolean enabled = true;
    private CiProvider ciProvider = CiProvider.OTHER;
    private String issuer;
    private String jwksUri;
    private List<String> audiences = List.of();
    private List<ClaimCondition> conditions = List.of();
    private String account;
    private String serviceAccountDirectory;
    private boolean readOnly;
    private List<String> pathPrefixes = List.of();
    private Duration maxTokenAge;

    CiTrustPolicyBuilder(String fixedId) {
        this.fixedId = fixedId;
        this.id = fixedId;
    }

    static CiTrustPolicyBuilder from(CiTrustPolicy c) {
        CiTrustPolicyBuilder b = new CiTrustPolicyBuilder(c.id());
        b.displayName = c.displayName();
        b.enabled = c.enabled();
        b.ciProvider = c.ciProvider();
        b.issuer = c.issuer();
        b.jwksUri = c.jwksUri().map(URI::toString).orElse(null);
        b.audiences = c.audiences();
        b.conditions = c.conditions();
        b.account = c.account();
        b.serviceAccountDirectory = c.serviceAccountDirectory().orElse(null);
        b.readOnly = c.readOnly();
        b.pathPrefixes = c.pathPrefixes();
        b.maxTokenAge = c.maxTokenAge().orElse(null);
        return b;
    }

    @Override public CiTrustPolicyBuilder id(String value) { this.id = value; return this; }
    @Override public CiTrustPolicyBuilder displayName(String value) { this.displayName = value; return this; }
    @Override public CiTrustPolicyBuilder enabled(boolean value) { this.enabled = value; return this; }
    public CiTrustPolicyBuilder ciProvider(CiProvider value) { this.ciProvider = value; return this; }
    public CiTrustPolicyBuilder issuer(String value) { this.issuer = value; return this; }
    public CiTrustPolicyBuilder jwksUri(String value) { this.jwksUri = value; return this; }
    public CiTrustPolicyBuilder audiences(List<String> value) { this.audiences = value; return this; }
    public CiTrustPolicyBuilder conditions(List<ClaimCondition> value) { this.conditions = value; return this; }
    public CiTrustPolicyBuilder account(String value) { this.account = value; return this; }
    public CiTrustPolicyBuilder serviceAccountDirectory(String value) { this.serviceAccountDirectory = value; return this; }
    public CiTrustPolicyBuilder readOnly(boolean value) { this.readOnly = value; return this; }
    public CiTrustPolicyBuilder pathPrefixes(List<String> value) { this.pathPrefixes = value; return this; }
    /** null: no maximum age. */
    public CiTrustPolicyBuilder maxTokenAge(Duration value) { this.maxTokenAge = value; return this; }

    /** A CI policy owns no secret (its tokens are checked with the CI's public keys): nothing to set. */
    @Override
    public CiTrustPolicyBuilder clientSecret(StoredSecret value) {
        return this;
    }

    @Override
    public CiTrustPolicyBuilder nextClientSecret(StoredSecret value) {
        return clientSecret(value);
    }

    @Override
    public CiTrustPolicyBuilder clientSecretExpiresOn(LocalDate value) {
        return this;
    }

    /**
     * @throws ConfigurationException listing every invalid field
     */
    @Override
    public CiTrustPolicy build() {
        List<FieldError> errors = new ArrayList<>();
        String checkedId = checkedId(errors);
        String name = FieldChecks.requireText(errors, "displayName", displayName, 200);
        if (ciProvider == null) {
            errors.add(new FieldError("ciProvider", "must be BITBUCKET_PIPELINES, GITHUB_ACTIONS, GITLAB or OTHER"));
        }
        URI issuerUri = IdentityProviderConfigBuilder.parseProviderUrl(errors, "issuer", issuer, true);
        URI keys = IdentityProviderConfigBuilder.parseProviderUrl(errors, "jwksUri", jwksUri, false);
        List<String> trusted = checkedAudiences(errors);
        List<ClaimCondition> checkedConditions = checkedConditions(errors);
        String checkedAccount = account == null ? "" : account.strip();
        if (!ACCOUNT.matcher(checkedAccount).matches()) {
            errors.add(new FieldError("account", "must be a username of letters, digits and . _ @ + -"));
        }
        List<String> paths = checkedPaths(errors);
        if (maxTokenAge != null && (maxTokenAge.isNegative() || maxTokenAge.isZero()
                || maxTokenAge.compareTo(MAX_TOKEN_AGE) > 0)) {
            errors.add(new FieldError("maxTokenAge", "must be between 1 and " + MAX_TOKEN_AGE.toSeconds() + " seconds"));
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException("CI trust policy " + (id == null ? "(no id)" : id) + " is invalid", errors);
        }
        return new CiTrustPolicy(checkedId, name, enabled, ciProvider, issuerUri.toString(), Optional.ofNullable(keys),
                trusted, checkedConditions, checkedAccount, optionalText(serviceAccountDirectory), readOnly, paths,
                Optional.ofNullable(maxTokenAge));
    }

    private String checkedId(List<FieldError> errors) {
        if (fixedId != null && !fixedId.equals(id)) {
            errors.add(new FieldError("id", "cannot be changed"));
            return null;
        }
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be 12 lower-case letters and digits"));
            return null;
        }
        return id;
    }

    private List<String> checkedAudiences(List<FieldError> errors) {
        List<String> result = new ArrayList<>();
        for (String audience : audiences == null ? List.<String>of() : audiences) {
            if (audience == null || audience.isBlank()) {
                continue;
            }
            String value = audience.strip();
            if (value.length() > 500 || FieldChecks.CONTROL.matcher(value).find() || value.contains(" ")) {
                errors.add(new FieldError("audiences", "an audience is one word of at most 500 characters"));
            } else if (!result.contains(value)) {
                result.add(value);
            }
        }
        if (result.isEmpty()) {
            errors.add(new FieldError("audiences", "must name the audience the CI puts in its tokens (e.g. Bitbucket's "
                    + "ari:cloud:bitbucket::workspace/<uuid>): a token for another service must not be usable here"));
        }
        return result;
    }

    private List<ClaimCondition> checkedConditions(List<FieldError> errors) {
        List<ClaimCondition> result = new ArrayList<>();
        for (ClaimCondition condition : conditions == null ? List.<ClaimCondition>of() : conditions) {
            String claim = condition.claim().strip();
            String expected = condition.expected().strip();
            if (!CLAIM.matcher(claim).matches()) {
                errors.add(new FieldError("conditions", "\"" + FieldChecks.CONTROL.matcher(claim).replaceAll("?")
                        + "\" is not a claim name (letters, digits, _ . : -)"));
            } else if (RESERVED_CLAIMS.contains(claim)) {
                errors.add(new FieldError("conditions", "\"" + claim + "\" is checked by Lanyard itself; use the "
                        + (claim.equals("aud") ? "audiences field" : "issuer and maximum token age")));
            } else if (expected.isEmpty() || expected.length() > 500 || FieldChecks.CONTROL.matcher(expected).find()) {
                errors.add(new FieldError("conditions", "the value for \"" + claim
                        + "\" must be given, one line, at most 500 characters"));
            } else if (expected.chars().allMatch(c -> c == '*' || c == '?')) {
                errors.add(new FieldError("conditions", "the value for \"" + claim + "\" matches anything: it is no "
                        + "condition"));
            } else {
                result.add(new ClaimCondition(claim, expected));
            }
        }
        if (result.isEmpty() && errors.stream().noneMatch(error -> error.field().equals("conditions"))) {
            errors.add(new FieldError("conditions", "must hold at least one claim condition (e.g. the repository's id): "
                    + "a policy without one would let every job of this CI in"));
        }
        return result;
    }

    private List<String> checkedPaths(List<FieldError> errors) {
        List<String> result = new ArrayList<>();
        for (String path : pathPrefixes == null ? List.<String>of() : pathPrefixes) {
            if (path == null || path.isBlank()) {
                continue;
            }
            String value = path.strip();
            if (!value.startsWith("/") || FieldChecks.CONTROL.matcher(value).find() || !isNormalPath(value)) {
                errors.add(new FieldError("pathPrefixes", "a path prefix starts with / and has no . or .. segments, "
                        + "//, ;, % or \\ (e.g. /rest/api/2/issue/)"));
            } else if (!result.contains(value)) {
                result.add(value);
            }
        }
        return result;
    }

    /** Whether {@code path} is already in normal form: no dot segments, empty segments, parameters or escapes. */
    public static boolean isNormalPath(String path) {
        int length = path.length();
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            if (c == ';' || c == '%' || c == '\\') {
                return false;
            }
            if (c == '/' && i + 1 < length) {
                char next = path.charAt(i + 1);
                if (next == '/') {
                    return false;
                }
                if (next == '.' && (dotSegmentEnds(path, i + 2) || (i + 2 < length && path.charAt(i + 2) == '.'
                        && dotSegmentEnds(path, i + 3)))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean dotSegmentEnds(String path, int index) {
        return index >= path.length() || path.charAt(index) == '/';
    }

    private static Optional<String> optionalText(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
