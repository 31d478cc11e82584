package io.lanyard.core.secret.resolver;

import io.lanyard.core.secret.ClientSecrets;
import io.lanyard.core.secret.ClientSecrets.Candidate;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretSlot;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotation without an outage: while an owner has two secrets (the current one and the next), the provider may accept
 * either, depending on how far the administrator has got at the provider. Each authentication tries the secret the
 * provider accepted last (on this node) first; when the provider answers {@code invalid_client} (RFC 6749 §5.2) it
 * tries the other one once, remembers which worked, and tells the administrator in the log how to finish the
 * rotation. A refusal of the client says nothing about the code or the grant, which the provider has not looked at
 * yet, so the second attempt can send the same request.
 *
 * <p>What is remembered is the accepted secret's fingerprint, not its slot: after a promotion (the next secret becomes
 * the current one) the memory still names the right secret. Per node, in memory: after a restart the current secret
 * is tried first again, which costs one extra request to the provider, never a failed login. Thread-safe.
 */
public final class ClientSecretRotation {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSecretRotation.class);

    /**
     * The secret a provider accepted last on this node.
     *
     * @param slot        which slot it had then
     * @param fingerprint its fingerprint
     * @param at          when
     */
    public record Accepted(SecretSlot slot, String fingerprint, Instant at) {
    }

    /**
     * One authentication with one secret.
     *
     * @param <T> what it gives back
     * @param <E> how it fails
     */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {
        T with(Candidate candidate) throws E;
    }

    private final ConcurrentMap<SecretOwner, Accepted> accepted = new ConcurrentHashMap<>();
    private final Clock clock;

    ClientSecretRotation() {
        this(Clock.systemUTC());
    }

    ClientSecretRotation(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Authenticates with the owner's secrets: the one accepted last first, the other once if the first is refused.
     *
     * @param secrets       the owner's secrets as resolved
     * @param failureType   how an attempt fails (any other exception is passed on as it is)
     * @param attempt       one authentication (a token request) with one secret
     * @param clientRefused whether a failure is the provider refusing the client ({@code invalid_client})
     * @param bothRefused   the failure to report when both secrets were refused, from the two refusals
     * @throws E the attempt's failure: the first one when it is not a refusal or there is no other secret, the
     *           second one when it is not a refusal, or {@code bothRefused}
     * @throws io.lanyard.core.error.LoginFailedException {@code CLIENT_SECRET_MISSING} or
     *         {@code SECURED_PROPERTY_UNREADABLE} when no secret can be used
     */
    public <T, E extends Exception> T authenticate(ClientSecrets secrets, Class<E> failureType,
            Attempt<T, E> attempt, Predicate<? super E> clientRefused, BinaryOperator<E> bothRefused) throws E {
        SecretOwner owner = secrets.owner();
        List<Candidate> candidates = secrets.candidates(acceptedFingerprint(owner));
        if (candidates.isEmpty()) {
            // Neither secret can be used: the current one's problem is what the administrator must fix.
            secrets.current().require(owner);
        }
        Candidate first = candidates.get(0);
        E firstRefusal;
        try {
            T result = attempt.with(first);
            remember(owner, first, Optional.empty());
            return result;
        } catch (Exception e) {
            firstRefusal = refusal(e, failureType, clientRefused, candidates.size() > 1);
        }
        Candidate second = candidates.get(1);
        try {
            T result = attempt.with(second);
            remember(owner, second, Optional.of(first));
            return result;
        } catch (Exception e) {
            E secondRefusal = refusal(e, failureType, clientRefused, true);
            LOG.warn("The {} of {} refused both client secrets: the {} and the {}", owner.kind().description(),
                    owner.id(), first, second);
            throw bothRefused.apply(firstRefusal, secondRefusal);
        }
    }

    /**
     * {@code e} when it is a refusal of the client and there is another secret to try; otherwise {@code e} is thrown
     * as it is (an attempt throws {@code E} or unchecked exceptions only).
     */
    private static <E extends Exception> E refusal(Exception e, Class<E> failureType,
            Predicate<? super E> clientRefused, boolean anotherToTry) throws E {
        if (!failureType.isInstance(e)) {
            throw (RuntimeException) e;
        }
        E failure = failureType.cast(e);
        if (!anotherToTry || !clientRefused.test(failure)) {
            throw failure;
        }
        return failure;
    }

    /** What this node uses for {@code owner}: the secret the provider accepted last, if it accepted one yet. */
    public Optional<Accepted> accepted(SecretOwner owner) {
        return Optional.ofNullable(accepted.get(owner));
    }

    /** Every owner this node has authenticated as since it started. */
    public Map<SecretOwner, Accepted> acceptedByOwner() {
        return Map.copyOf(accepted);
    }

    private Optional<String> acceptedFingerprint(SecretOwner owner) {
        return accepted(owner).map(Accepted::fingerprint);
    }

    /**
     * Remembers {@code used}; says in the log when the provider switched to the other secret, which is when the
     * administrator has something to finish.
     */
    private void remember(SecretOwner owner, Candidate used, Optional<Candidate> refused) {
        Accepted now = new Accepted(used.slot(), used.fingerprint(), clock.instant());
        Accepted before = accepted.put(owner, now);
        if (refused.isEmpty() || (before != null && before.fingerprint().equals(now.fingerprint()))) {
            return;
        }
        if (used.slot() == SecretSlot.NEXT) {
            LOG.warn("The {} of {} refused the {} and accepted the {}: this node uses the next secret from now on. "
                    + "Finish the rotation: make it the current secret on every node (promote it in the admin "
                    + "page's client secret section, or give it under the current name and restart the nodes one "
                    + "by one), then remove the old secret at the provider", owner.kind().description(), owner.id(),
                    refused.get(), used);
        } else {
            LOG.warn("The {} of {} refused the {} and accepted the {} again: the provider does not (or no longer) "
                    + "know the next secret. Check the secret given as next, or remove it if the rotation was "
                    + "called off", owner.kind().description(), owner.id(), refused.get(), used);
        }
    }
}
