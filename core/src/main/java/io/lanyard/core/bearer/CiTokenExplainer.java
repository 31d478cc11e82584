package io.lanyard.core.bearer;

import io.lanyard.core.ci.CiPolicyMatcher;
import io.lanyard.core.ci.CiPolicyMatcher.Mismatch;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.keys.JwksSource;
import io.lanyard.core.token.AccessTokenValidator;
import io.lanyard.core.token.CiTokenValidator;
import io.lanyard.core.token.CiTokenValidator.VerifiedCiToken;
import io.lanyard.core.token.TokenRejectedException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin "Test" of CI trust policies (issue 17): for a pasted token, the same checks as a request would get, but
 * nothing granted, no account created, nothing audited or remembered, and the token never logged or returned.
 * Its own key sources (an administrator's test never spends the request path's refetch budget).
 */
public final class CiTokenExplainer {

    private final CiTokenValidator validator;
    private final CiKeys keys;

    private final ConcurrentHashMap<URI, JwksSource> sources = new ConcurrentHashMap<>();

    public CiTokenExplainer(ProviderHttpClient http, Clock clock) {
        this.validator = new CiTokenValidator(clock);
        this.keys = new CiKeys(http, uri -> sources.computeIfAbsent(uri, at -> new JwksSource(at, http, clock)), clock);
    }

    /**
     * A policy's "Test": whether the CI's keys can be had (by discovery where the CI has no preset), and how many.
     *
     * @param keysUrl  where they were fetched from, when known
     * @param keyCount how many signing keys were found
     * @param failure  why not: the code and what happened
     */
    public record KeysCheck(Optional<String> keysUrl, int keyCount, Optional<ErrorCode> failure, String detail) {
    }

    public KeysCheck checkKeys(CiTrustPolicy policy) {
        try {
            JwksSource source = (JwksSource) keys.of(policy);
            int count = source.currentKeys().size();
            return new KeysCheck(Optional.of(source.jwksUri().toString()), count,
                    count == 0 ? Optional.of(ErrorCode.CI_TOKEN_KEY_NOT_FOUND) : Optional.empty(),
                    count + " signing key(s)");
        } catch (LanyardException e) {
            return new KeysCheck(Optional.empty(), 0, Optional.of(ErrorCode.CI_KEYS_UNAVAILABLE), e.getMessage());
        }
    }

    /**
     * What the admin "Test" shows for a pasted token: whether it is a CI token of a policy's issuer, whether its
     * signature and lifetime hold, and for each policy of that issuer whether it matches or which rule fails. Grants
     * nothing, creates no account, audits nothing, remembers nothing; the token is never logged.
     */
    public CiTokenExplanation explain(String token, LanyardConfiguration config) {
        String stripped = token == null ? "" : token.strip();
        if (BearerAuthenticator.isBearer(stripped)) {
            stripped = stripped.substring("Bearer ".length()).strip();
        }
        Optional<String> iss = AccessTokenValidator.unverifiedIssuer(stripped);
        if (iss.isEmpty()) {
            return CiTokenExplanation.notOurs("not a JWT with an iss claim");
        }
        List<CiTrustPolicy> policies = CiTokens.policiesOf(config, iss.get());
        if (policies.isEmpty()) {
            return CiTokenExplanation.notOurs("no enabled CI trust policy has the issuer " + iss.get());
        }
        VerifiedCiToken verified;
        try {
            verified = validator.validate(stripped, keys.of(policies.get(0)));
        } catch (TokenRejectedException e) {
            return CiTokenExplanation.rejected(iss.get(), e.errorCode(), e.failures().get(0).description());
        } catch (LanyardException e) {
            return CiTokenExplanation.rejected(iss.get(), ErrorCode.CI_KEYS_UNAVAILABLE, e.getMessage());
        }
        List<CiTokenExplanation.PolicyVerdict> verdicts = new ArrayList<>();
        boolean granted = false;
        for (CiTrustPolicy policy : policies) {
            Optional<Mismatch> mismatch = CiPolicyMatcher.firstMismatch(policy, verified.claims());
            boolean grants = mismatch.isEmpty() && !granted;
            granted |= grants;
            verdicts.add(new CiTokenExplanation.PolicyVerdict(policy.id(), policy.displayName(), grants,
                    mismatch.map(Mismatch::code), mismatch.map(Mismatch::description)
                    .or(() -> grants ? Optional.empty() : Optional.of("an earlier policy matches first"))));
        }
        return new CiTokenExplanation(true, iss.get(), Optional.empty(), Optional.empty(), verdicts);
    }
}
