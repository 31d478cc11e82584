package io.lanyard.core.expiry;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.secret.SecretOwner;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Lanyard knows of when one integration's credentials end: every credential with its end, the one that matters
 * (the one in use, or when that cannot be told, the one that ends first), and why anything could not be read.
 *
 * @param owner       whose credentials
 * @param credentials every credential known, Microsoft Graph's and the entered date
 * @param problem     why Graph could not be read (e.g. {@code LNY-715} without Application.Read.All), if it could not
 * @param checkedAt   when
 */
public record ExpiryReport(SecretOwner owner, List<CredentialExpiry> credentials, Optional<Problem> problem,
        Instant checkedAt) {

    /**
     * Why an end date could not be read.
     *
     * @param code    e.g. {@code LNY-114}, {@code LNY-715}
     * @param message for the log and the admin page; never a value
     */
    public record Problem(ErrorCode code, String message) {
        public Problem {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    public ExpiryReport {
        Objects.requireNonNull(owner, "owner");
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /**
     * The credential whose end matters: of those in use the one that ends first; when Lanyard cannot tell which is in
     * use, the one of the others that ends first without having ended (a warning too many rather than none).
     */
    public Optional<CredentialExpiry> relevant(Instant now) {
        List<CredentialExpiry> inUse = credentials.stream().filter(c -> c.use() == CredentialExpiry.Use.IN_USE).toList();
        if (!inUse.isEmpty()) {
            return inUse.stream().min(Comparator.comparing(CredentialExpiry::endsAt));
        }
        List<CredentialExpiry> candidates = credentials.stream()
                .filter(c -> c.use() == CredentialExpiry.Use.UNKNOWN || c.use() == CredentialExpiry.Use.OTHER).toList();
        return candidates.stream().filter(c -> c.endsAt().isAfter(now)).min(Comparator.comparing(CredentialExpiry::endsAt))
                .or(() -> candidates.stream().max(Comparator.comparing(CredentialExpiry::endsAt)));
    }

    /** How urgent it is now. */
    public ExpiryLevel level(Instant now) {
        return relevant(now).map(c -> ExpiryLevel.at(now, c.endsAt())).orElse(ExpiryLevel.NONE);
    }
}
