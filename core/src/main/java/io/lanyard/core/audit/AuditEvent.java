package io.lanyard.core.audit;

import io.lanyard.core.error.ErrorCode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the audit trail: what happened, when, to whom, by whom, and through which integration.
 *
 * <p>Values are plain text meant for administrators. Never put a secret, token, authorization code or cookie in any
 * of them: a changed secret is recorded as the detail value {@value #CHANGED}.
 *
 * @param type          what happened
 * @param time          when
 * @param actor         who did it (an administrator's or a person's username, a machine client id), if known
 * @param user          the account it happened to, if any
 * @param integrationId the identity provider, connector, token issuer or trust policy involved, if any
 * @param code          the error code of a failure or refusal, if any
 * @param correlationId the reference shown to the person (error page) or logged with the request, if any
 * @param sourceAddress the client's address as the host sees it (trusted proxies applied), if known
 * @param details       further facts in the order they were added (field → value)
 */
public record AuditEvent(AuditEventType type, Instant time, Optional<String> actor, Optional<String> user,
        Optional<String> integrationId, Optional<ErrorCode> code, Optional<String> correlationId,
        Optional<String> sourceAddress, Map<String, String> details) {

    /** The detail value that stands for a secret's new value. */
    public static final String CHANGED = "changed";

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** Starts an event of this type at this time. */
    public static Builder of(AuditEventType type, Instant time) {
        return new Builder(type, time);
    }

    /** Builds an {@link AuditEvent}; every field but type and time is optional. */
    public static final class Builder {
        private final AuditEventType type;
        private final Instant time;
        private String actor;
        private String user;
        private String integrationId;
        private ErrorCode code;
        private String correlationId;
        private String sourceAddress;
        private final Map<String, String> details = new LinkedHashMap<>();

        private Builder(AuditEventType type, Instant time) {
            this.type = Objects.requireNonNull(type, "type");
            this.time = Objects.requireNonNull(time, "time");
        }

        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder integration(String integrationId) {
            this.integrationId = integrationId;
            return this;
        }

        public Builder code(ErrorCode code) {
            this.code = code;
            return this;
        }

        public Builder correlationId(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        public Builder sourceAddress(String sourceAddress) {
            this.sourceAddress = sourceAddress;
            return this;
        }

        /** Adds a fact; a null value is recorded as empty text. */
        public Builder detail(String name, Object value) {
            details.put(Objects.requireNonNull(name, "name"), value == null ? "" : String.valueOf(value));
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(type, time, Optional.ofNullable(actor), Optional.ofNullable(user),
                    Optional.ofNullable(integrationId), Optional.ofNullable(code), Optional.ofNullable(correlationId),
                    Optional.ofNullable(sourceAddress), details);
        }
    }
}
