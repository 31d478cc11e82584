package io.lanyard.core.login;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a "Test sign-in" found, step by step, with nothing applied: no session, no account created, no group changed.
 * Holds claim values but never a token, its signature, a code or a secret.
 *
 * @param identityProviderId the provider tested
 * @param steps              each step in order with its result; after a failed step the rest did not run
 * @param claims             the validated claims (values), empty if the ID token was not valid
 * @param facts              what the login would do: the username, whether the account exists, just-in-time
 *                           creation, group sync, the clocks
 */
public record DryRunReport(String identityProviderId, List<Step> steps, Map<String, Object> claims,
        Map<String, String> facts) {

    /** One step: its name, whether it passed, and what it found (or the failure's code and reason). */
    public record Step(String name, boolean passed, String detail) {
    }

    public DryRunReport {
        Objects.requireNonNull(identityProviderId, "identityProviderId");
        steps = List.copyOf(steps);
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public boolean passed() {
        return steps.stream().allMatch(Step::passed);
    }

    /** Collects the steps as the dry run goes. */
    static final class Builder {
        private final String identityProviderId;
        private final List<Step> steps = new ArrayList<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private final Map<String, String> facts = new LinkedHashMap<>();

        Builder(String identityProviderId) {
            this.identityProviderId = identityProviderId;
        }

        Builder passed(String name, String detail) {
            steps.add(new Step(name, true, detail));
            return this;
        }

        Builder failed(String name, String detail) {
            steps.add(new Step(name, false, detail));
            return this;
        }

        Builder claims(Map<String, Object> values) {
            claims.putAll(values);
            return this;
        }

        Builder fact(String name, String value) {
            facts.put(name, value);
            return this;
        }

        DryRunReport build() {
            return new DryRunReport(identityProviderId, steps, claims, facts);
        }
    }
}
