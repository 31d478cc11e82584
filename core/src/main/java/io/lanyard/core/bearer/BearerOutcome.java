package io.lanyard.core.bearer;

import io.lanyard.core.error.ErrorCode;
import java.util.List;
import java.util.Objects;

/** What the bearer check decided for one request. */
public sealed interface BearerOutcome {

    /** Not Lanyard's token (or no bearer token): the request goes on untouched. */
    NotOurs NOT_OURS = new NotOurs();

    /** Leave the request alone. */
    final class NotOurs implements BearerOutcome {
        private NotOurs() {
        }
    }

    /**
     * The request acts as {@code username}, for this request only.
     *
     * @param grant what was verified about the token
     */
    record Granted(String username, TokenGrant grant) implements BearerOutcome {
        public Granted {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(grant, "grant");
        }
    }

    /**
     * Lanyard's token, refused: 401 {@code invalid_token}, 403 ({@code insufficient_scope} for missing scopes), or
     * 503 when the introspection endpoint could not answer.
     *
     * @param code           the rule broken
     * @param description    for the log (never the token)
     * @param requiredScopes for a 403 {@code insufficient_scope}: the scopes to ask for
     */
    record Refused(ErrorCode code, String description, List<String> requiredScopes) implements BearerOutcome {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(description, "description");
            requiredScopes = List.copyOf(requiredScopes);
        }

        public Refused(ErrorCode code, String description) {
            this(code, description, List.of());
        }

        public int httpStatus() {
            return code.httpStatus();
        }
    }
}
