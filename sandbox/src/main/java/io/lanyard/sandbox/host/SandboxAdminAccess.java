package io.lanyard.sandbox.host;

import io.lanyard.plugin.session.AdminAccess;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The sandbox's administrators: accounts marked as system administrators in its directory. It has no WebSudo. */
public final class SandboxAdminAccess implements AdminAccess {

    private final SandboxSessionLogin sessionLogin;
    private final SandboxUserDirectory directory;

    public SandboxAdminAccess(SandboxSessionLogin sessionLogin, SandboxUserDirectory directory) {
        this.sessionLogin = Objects.requireNonNull(sessionLogin, "sessionLogin");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public Optional<String> currentUsername(HttpServletRequest request) {
        return sessionLogin.loggedInUsername(request);
    }

    @Override
    public boolean isSystemAdministrator(HttpServletRequest request) {
        return currentUsername(request).flatMap(directory::account)
                .filter(account -> account.user().active())
                .map(SandboxUser::systemAdministrator)
                .orElse(false);
    }

    /** No WebSudo in the sandbox: every administrator's request may proceed. */
    @Override
    public boolean passWebSudo(HttpServletRequest request, HttpServletResponse response) {
        return true;
    }
}
