package io.lanyard.plugin.sal;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.websudo.WebSudoManager;
import io.lanyard.plugin.session.AdminAccess;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Admin checks of every product through SAL: the system-administrator permission and WebSudo. */
public final class SalAdminAccess implements AdminAccess {

    private final UserManager userManager;
    private final WebSudoManager webSudoManager;

    public SalAdminAccess(UserManager userManager, WebSudoManager webSudoManager) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.webSudoManager = Objects.requireNonNull(webSudoManager, "webSudoManager");
    }

    @Override
    public Optional<String> currentUsername(HttpServletRequest request) {
        return Optional.ofNullable(userManager.getRemoteUser(request)).map(UserProfile::getUsername);
    }

    @Override
    public boolean isSystemAdministrator(HttpServletRequest request) {
        UserKey key = userManager.getRemoteUserKey(request);
        return key != null && userManager.isSystemAdmin(key);
    }

    /** SAL's protocol: a request inside a WebSudo session is announced and proceeds; any other is sent to re-authenticate. */
    @Override
    public boolean passWebSudo(HttpServletRequest request, HttpServletResponse response) {
        if (webSudoManager.canExecuteRequest(request)) {
            webSudoManager.willExecuteWebSudoRequest(request);
            return true;
        }
        webSudoManager.enforceWebSudoProtection(request, response);
        return false;
    }
}
