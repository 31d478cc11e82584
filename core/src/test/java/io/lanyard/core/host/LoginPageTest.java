package io.lanyard.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoginPageTest {

    @Test
    void knowsEachHostsLoginPageReturnParameterAndLogoutUrl() {
        assertThat(LoginPage.JIRA).isEqualTo(new LoginPage(List.of("/login.jsp"), "os_destination", "/logout"));
        assertThat(LoginPage.CONFLUENCE).isEqualTo(new LoginPage(List.of("/login.action"), "os_destination",
                "/logout.action"));
        assertThat(LoginPage.BITBUCKET).isEqualTo(new LoginPage(List.of("/login"), "next", "/j_atl_security_logout"));
        assertThat(LoginPage.BAMBOO).isEqualTo(new LoginPage(List.of("/userlogin!doDefault.action"), "os_destination",
                "/userLogout.action"));
        assertThat(LoginPage.SANDBOX).isEqualTo(new LoginPage(List.of("/login"), "os_destination", "/logout"));
    }

    @Test
    void refusesPathsThatAreNotAbsolute() {
        assertThatThrownBy(() -> new LoginPage(List.of("login"), "next", "/logout"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginPage(List.of(), "next", "/logout"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginPage(List.of("/login"), "next", "logout"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
