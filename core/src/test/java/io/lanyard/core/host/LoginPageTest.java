package io.lanyard.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoginPageTest {

    @Test
    void knowsEachHostsLoginPageAndReturnParameter() {
        assertThat(LoginPage.JIRA).isEqualTo(new LoginPage(List.of("/login.jsp"), "os_destination"));
        assertThat(LoginPage.CONFLUENCE).isEqualTo(new LoginPage(List.of("/login.action"), "os_destination"));
        assertThat(LoginPage.BITBUCKET).isEqualTo(new LoginPage(List.of("/login"), "next"));
        assertThat(LoginPage.BAMBOO).isEqualTo(new LoginPage(List.of("/userlogin!doDefault.action"), "os_destination"));
        assertThat(LoginPage.SANDBOX).isEqualTo(new LoginPage(List.of("/login"), "os_destination"));
    }

    @Test
    void refusesPathsThatAreNotAbsolute() {
        assertThatThrownBy(() -> new LoginPage(List.of("login"), "next")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginPage(List.of(), "next")).isInstanceOf(IllegalArgumentException.class);
    }
}
