package io.lanyard.plugin.host;

import java.io.IOException;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public interface AdminAccess {
    Optional<String> currentUsername(HttpServletRequest request);
    boolean isSystemAdministrator(HttpServletRequest request);
    /** Where the host has WebSudo: true when the request may proceed; false when the host has already answered (e.g. redirected to re-authenticate). */
    boolean passWebSudo(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
