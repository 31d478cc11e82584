package io.lanyard.plugin.sal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.websudo.WebSudoManager;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class SalAdminAccessTest {

    private final UserManager userManager = mock(UserManager.class);
    private final WebSudoManager webSudoManager = mock(WebSudoManager.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final SalAdminAccess access = new SalAdminAccess(userManager, webSudoManager);

    @Test
    void currentUsernameIsTheRemoteUsersName() {
        UserProfile profile = mock(UserProfile.class);
        when(profile.getUsername()).thenReturn("admin");
        when(userManager.getRemoteUser(request)).thenReturn(profile);

        assertThat(access.currentUsername(request)).contains("admin");
    }

    @Test
    void anonymousHasNoUsernameAndIsNoAdministrator() {
        assertThat(access.currentUsername(request)).isEmpty();
        assertThat(access.isSystemAdministrator(request)).isFalse();
        verify(userManager, never()).isSystemAdmin(org.mockito.ArgumentMatchers.any());
    }

    @Test
    void systemAdministratorIsAskedOfSalByUserKey() {
        UserKey admin = new UserKey("key-1");
        UserKey user = new UserKey("key-2");
        when(userManager.isSystemAdmin(admin)).thenReturn(true);

        when(userManager.getRemoteUserKey(request)).thenReturn(admin);
        assertThat(access.isSystemAdministrator(request)).isTrue();
        when(userManager.getRemoteUserKey(request)).thenReturn(user);
        assertThat(access.isSystemAdministrator(request)).isFalse();
    }

    @Test
    void requestInAWebSudoSessionIsAnnouncedAndProceeds() {
        when(webSudoManager.canExecuteRequest(request)).thenReturn(true);

        assertThat(access.passWebSudo(request, response)).isTrue();
        verify(webSudoManager).willExecuteWebSudoRequest(request);
        verify(webSudoManager, never()).enforceWebSudoProtection(request, response);
    }

    @Test
    void requestOutsideAWebSudoSessionIsSentToReauthenticate() {
        assertThat(access.passWebSudo(request, response)).isFalse();
        verify(webSudoManager).enforceWebSudoProtection(request, response);
        verify(webSudoManager, never()).willExecuteWebSudoRequest(request);
    }
}
