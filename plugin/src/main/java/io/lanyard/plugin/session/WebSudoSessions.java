package io.lanyard.plugin.session;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.util.function.BiConsumer;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Port: the product's administrator re-authentication (WebSudo) session, started once the identity provider has
 * confirmed the administrator again (docs/host-evidence.md 3.1): Confluence's {@code WebSudoManager.startSession},
 * Jira's {@code InternalWebSudoManager.startSession}. Bitbucket and Bamboo offer no way: their password prompt stays.
 */
public interface WebSudoSessions {

    /**
     * Starts the WebSudo session of this request's HTTP session.
     *
     * @throws LanyardException {@code REAUTHENTICATION_UNAVAILABLE} when the product cannot start one
     */
    void start(HttpServletRequest request, HttpServletResponse response);

    /**
     * A product's own start call, whose failure (a missing optional service, a call that does not link on this
     * version) becomes {@code REAUTHENTICATION_UNAVAILABLE}.
     *
     * @param call what is called, for the log, e.g. {@code Confluence's WebSudoManager.startSession}
     */
    static WebSudoSessions guarded(String call, BiConsumer<HttpServletRequest, HttpServletResponse> start) {
        return (request, response) -> {
            try {
                start.accept(request, response);
            } catch (RuntimeException | LinkageError e) {
                throw new LanyardException(ErrorCode.REAUTHENTICATION_UNAVAILABLE, call + " is not available: " + e,
                        e);
            }
        };
    }

    /** A product without a way to start one. */
    static WebSudoSessions unavailable(String product) {
        return (request, response) -> {
            throw new LanyardException(ErrorCode.REAUTHENTICATION_UNAVAILABLE, product
                    + " offers no way for an app to start its administrator session (WebSudo)");
        };
    }
}
