package com.atlassian.sal.api.auth;

import com.atlassian.sal.api.message.Message;
import java.security.Principal;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Declaration only, the host provides the real interface and its nested result classes (SAL 5.1.4). The result
 * classes keep their values, so that fake hosts in tests can see which principal a listener was handed. Evidence:
 * docs/host-evidence.md, topic 1.
 */
public interface Authenticator {

    Result authenticate(HttpServletRequest request, HttpServletResponse response);

    /** Declaration only, the host provides the real class (its constructors are package-private there too). */
    class Result {

        private final Status status;
        private final Message message;
        private final Principal principal;

        Result(Status status, Message message, Principal principal) {
            this.status = Objects.requireNonNull(status, "status");
            this.message = Objects.requireNonNull(message, "message");
            this.principal = principal;
        }

        public Status getStatus() {
            return status;
        }

        /** The message's {@code toString()}, as in SAL. */
        public String getMessage() {
            return message.toString();
        }

        public Principal getPrincipal() {
            return principal;
        }

        /** Declaration only, the host provides the real class ({@code final} there). */
        public static final class Success extends Result {

            public Success(Message message, Principal principal) {
                super(Status.SUCCESS, message, principal);
            }
        }

        /** Declaration only, the host provides the real class ({@code final} there). */
        public static final class Failure extends Result {

            public Failure(Message message) {
                super(Status.FAILED, message, null);
            }
        }

        /** Declaration only, the host provides the real enum (constants resolve by name). */
        public enum Status {
            SUCCESS,
            FAILED,
            ERROR,
            NO_ATTEMPT
        }
    }
}
