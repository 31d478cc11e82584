package io.lanyard.plugin.session;

import java.io.IOException;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Port: who may administer Lanyard. Each product implements it with SAL's {@code UserManager.isSystemAdmin} and
 * {@code WebSudoManager}; the sandbox with its own directory. Asked on every request to the admin pages and the
 * JSON API, never only when a menu is drawn.
 */
public interface AdminAccess {

    /** The logged-in user's name, or empty for an anonymous request; must not create a session. */
    Optional<String> currentUsername(HttpServletRequest request);

    boolean isSystemAdministrator(HttpServletRequest request);

    /** Where the host has WebSudo: true when the request may proceed; false when the host has already answered (e.g. redirected to re-authenticate). */
    boolean passWebSudo(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
