package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Test sign-in": the whole flow at a real provider over HTTP, each step reported, nothing applied. */
class DryRunTest {

    private final FakeProviderLogins logins = new FakeProviderLogins();

    @AfterEach
    void close() {
        logins.close();
    }

    private LoginRedirect start() {
        return logins.service.startDryRun(FakeProviderLogins.IDP, logins.service.dryRunTicket(FakeProviderLogins.IDP));
    }

    private DryRunReport finish(LoginRedirect redirect, String code) {
        return logins.service.completeDryRun(FakeProviderLogins.IDP, redirect.pendingLogin(), AuthorizationResponse.of(
                redirect.pendingLogin().state(), code, logins.provider.issuer(), null, null));
    }

    @Test
    void everyStepPassesAndTheReportShowsClaimsUsernameAccountAndClocksButNoTokenOrCode() {
        LoginRedirect redirect = start();
        assertThat(logins.service.isDryRun(redirect.pendingLogin().state())).isTrue();
        String code = logins.provider.authorize(redirect.authorizationUri(), "alice", Map.of());

        DryRunReport report = finish(redirect, code);

        assertThat(report.passed()).isTrue();
        assertThat(report.steps()).extracting(DryRunReport.Step::name).containsExactly("configuration", "discovery",
                "keys", "authorization response", "token exchange", "ID token", "claims", "username");
        assertThat(report.claims()).containsEntry("sub", "alice");
        assertThat(report.facts()).containsEntry("username", "alice").containsEntry("account", "exists")
                .containsKey("clock (iat)").containsKey("group sync");
        assertThat(report.toString()).doesNotContain("eyJ").doesNotContain(code)
                .doesNotContain(redirect.pendingLogin().nonce());
        assertThat(logins.service.isDryRun(redirect.pendingLogin().state())).as("single use").isFalse();
    }

    @Test
    void aFailedStepIsReportedWithItsCodeAndTheRestDoesNotRun() {
        LoginRedirect redirect = start();

        DryRunReport report = finish(redirect, "not-a-code-the-provider-issued");

        assertThat(report.passed()).isFalse();
        DryRunReport.Step last = report.steps().get(report.steps().size() - 1);
        assertThat(last.name()).isEqualTo("token exchange");
        assertThat(last.passed()).isFalse();
        assertThat(last.detail()).startsWith("LNY-");
        assertThat(report.claims()).isEmpty();
    }

    @Test
    void onlyATicketTheAdminPageHandedOutStartsOneAndOnlyOnce() {
        String ticket = logins.service.dryRunTicket(FakeProviderLogins.IDP);
        logins.service.startDryRun(FakeProviderLogins.IDP, ticket);

        assertThatThrownBy(() -> logins.service.startDryRun(FakeProviderLogins.IDP, ticket))
                .isInstanceOf(LanyardException.class).extracting(e -> ((LanyardException) e).errorCode())
                .isEqualTo(ErrorCode.ADMIN_NOT_FOUND);
        assertThatThrownBy(() -> logins.service.startDryRun(FakeProviderLogins.IDP, "forged"))
                .isInstanceOf(LanyardException.class);
        assertThat(logins.service.isDryRun(logins.service.startLogin(FakeProviderLogins.IDP, "/").pendingLogin()
                .state())).as("an ordinary login is no test").isFalse();
    }
}
