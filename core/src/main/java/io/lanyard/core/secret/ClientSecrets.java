package io.lanyard.core.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Both client secrets of one owner as resolved: the current one (the specification's) and, during a rotation, the
 * next one. Which of them a provider accepts is found out by trying ({@code ClientSecretRotation}); this value only
 * says what there is, in the order to try it.
 *
 * @param owner   whose secrets
 * @param current the current secret, or why there is none
 * @param next    the next secret, or why it cannot be used; empty when no next secret is given anywhere
 */
public record ClientSecrets(SecretOwner owner, ResolvedSecret current, Optional<ResolvedSecret> next) {

    public ClientSecrets {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
    }

    /** Only a current secret (or none): no rotation under way. */
    public static ClientSecrets currentOnly(SecretOwner owner, ResolvedSecret current) {
        return new ClientSecrets(owner, current, Optional.empty());
    }

    /** The resolution of one slot; for {@link SecretSlot#NEXT} empty when there is no next secret. */
    public Optional<ResolvedSecret> slot(SecretSlot slot) {
        return slot == SecretSlot.CURRENT ? Optional.of(current) : next;
    }

    /**
     * The usable secrets in the order to try them: the one with fingerprint {@code preferred} (the one the provider
     * accepted last) first, then the current, then the next; at most two. Empty when neither can be used.
     */
    public List<Candidate> candidates(Optional<String> preferred) {
        List<Candidate> usable = new ArrayList<>(2);
        current.secret().ifPresent(secret -> usable.add(new Candidate(SecretSlot.CURRENT, secret, current)));
        next.flatMap(ResolvedSecret::secret).ifPresent(secret -> {
            // The same value given twice (e.g. a rotation finished in one source only) is one candidate.
            if (usable.isEmpty() || !usable.get(0).secret().equals(secret)) {
                usable.add(new Candidate(SecretSlot.NEXT, secret, next.get()));
            }
        });
        if (usable.size() == 2 && preferred.isPresent()
                && usable.get(1).fingerprint().equals(preferred.get())) {
            return List.of(usable.get(1), usable.get(0));
        }
        return List.copyOf(usable);
    }

    /** Whether a next secret is given (usable or not): a rotation is under way. */
    public boolean rotating() {
        return next.isPresent();
    }

    /**
     * One secret to try.
     *
     * @param slot     current or next
     * @param secret   the value, revealed only into a token request
     * @param resolved where it came from
     */
    public record Candidate(SecretSlot slot, Secret secret, ResolvedSecret resolved) {

        public String fingerprint() {
            return secret.fingerprint();
        }

        /** Slot, source, name and fingerprint: what the log and the admin pages may say of it. */
        @Override
        public String toString() {
            return slot.name().toLowerCase(java.util.Locale.ROOT) + " secret (" + resolved.source()
                    + resolved.propertyName().map(name -> " " + name).orElse("") + ", fingerprint "
                    + fingerprint() + ")";
        }
    }
}
