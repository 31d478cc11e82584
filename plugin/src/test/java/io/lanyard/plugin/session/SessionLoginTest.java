package io.lanyard.plugin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.lanyard.core.host.HostUser;
import io.lanyard.core.login.LoginSuccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class SessionLoginTest {

    @Test
    void logInOfACompletedLoginByDefaultLogsInItsUser() {
        List<HostUser> loggedIn = new ArrayList<>();
        SessionLogin hostThatKnowsOnlyUsers = new SessionLogin() {
            @Override
            public boolean isLoggedIn(HttpServletRequest request) {
                return false;
            }

            @Override
            public void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user) {
                loggedIn.add(user);
            }
        };
        HostUser alice = new HostUser("alice", "Alice Anderson", "alice@example.com", true);

        hostThatKnowsOnlyUsers.logIn(mock(HttpServletRequest.class), mock(HttpServletResponse.class),
                new LoginSuccess(alice, "idp1", "sub-1", "/", "id.token.value", Map.of("sub", "sub-1")));

        assertThat(loggedIn).containsExactly(alice);
    }
}
