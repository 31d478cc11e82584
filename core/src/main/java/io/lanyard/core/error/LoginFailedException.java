package io.lanyard.core.error;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A login could not be started or completed. The code says why; the message (for the log only) says more.
 *
 * <p>When the identity provider itself answered with an OAuth error ({@code error=access_denied} and the like),
 * {@link #providerError()} carries that error code so the error page can show it, escaped. Nothing else of
 * the provider's response ever reaches the page.
 */
public class LoginFailedException extends LanyardException {

    private static final long serialVersionUID = 1L;
    /** RFC 6749 §4.1.2.1: error codes are %x20-21 / %x23-5B / %x5D-7E; we keep what fits and cap the length. */
    private static final Pattern OAUTH_ERROR_CODE = Pattern.compile("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}");

    private final String providerError;

    public LoginFailedException(ErrorCode errorCode, String logMessage) {
        this(errorCode, logMessage, (String) null);
    }

    public LoginFailedException(ErrorCode errorCode, String logMessage, Throwable cause) {
        super(errorCode, logMessage, cause);
        this.providerError = null;
    }

    public LoginFailedException(ErrorCode errorCode, String logMessage, String providerError) {
        super(errorCode, logMessage);
        this.providerError = providerError != null && OAUTH_ERROR_CODE.matcher(providerError).matches()
                ? providerError : null;
    }

    /** The provider's OAuth {@code error} code, if it sent a well-formed one. Still to be HTML-escaped. */
    public Optional<String> providerError() {
        return Optional.ofNullable(providerError);
    }
}
