package io.lanyard.core.entra;

import io.lanyard.core.error.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to Entra ID or Microsoft Graph failed: a stable code, a sentence for the log and the admin pages (never a
 * secret or a token), and the error as Entra ID or Graph worded it, when they gave one. Checked, because every caller
 * reports it rather than letting it end a request.
 */
public final class EntraCallException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final int status;
    private final String remoteCode;
    private final String remoteDescription;

    /**
     * @param status the HTTP status of the answer, 0 when there was none
     */
    public EntraCallException(ErrorCode code, String message, int status, String remoteCode, String remoteDescription) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.status = status;
        this.remoteCode = remoteCode;
        this.remoteDescription = remoteDescription;
    }

    public EntraCallException(ErrorCode code, String message) {
        this(code, message, 0, null, null);
    }

    public ErrorCode code() {
        return code;
    }

    /** The HTTP status Entra ID or Graph answered with; 0 when nothing answered. */
    public int status() {
        return status;
    }

    /** E.g. {@code invalid_client}, {@code Authorization_RequestDenied}. */
    public Optional<String> remoteCode() {
        return Optional.ofNullable(remoteCode);
    }

    /** E.g. {@code AADSTS7000215: Invalid client secret provided…}; one line, capped. */
    public Optional<String> remoteDescription() {
        return Optional.ofNullable(remoteDescription);
    }

    /** The same failure with another code and sentence, keeping what Entra ID or Graph said. */
    public EntraCallException as(ErrorCode otherCode, String message) {
        return new EntraCallException(otherCode, message, status, remoteCode, remoteDescription);
    }

    /** Should a remote text quote a value back, it never leaves this exception. */
    EntraCallException without(String value) {
        if (value.isEmpty()) {
            return this;
        }
        return new EntraCallException(code, getMessage().replace(value, "[secret]"), status,
                remoteCode == null ? null : remoteCode.replace(value, "[secret]"),
                remoteDescription == null ? null : remoteDescription.replace(value, "[secret]"));
    }

    @Override
    public String toString() {
        return "EntraCallException: " + code.code() + " " + getMessage();
    }
}
