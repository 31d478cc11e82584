package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The renewal of a session at the end of its lifetime (issue 15): OIDC Core §3.1.2.1 {@code prompt=none}, and
 * §3.1.2.6's {@code login_required} (and the like) turned into the normal login rather than an error page.
 */
class LoginServiceSilentRenewalTest {

    private static final String IDP = FakeProviderLogins.IDP;

    private final FakeProviderLogins logins = new FakeProviderLogins();
    private final LoginService service = logins.service;

    @AfterEach
    void stop() {
        logins.close();
    }

    @Test
    void aSilentLoginAsksWithPromptNoneAndANormalOneDoesNot() {
        LoginRedirect silent = service.startLogin(IDP, "/browse/X", true);
        LoginRedirect normal = service.startLogin(IDP, "/browse/X");

        assertThat(silent.authorizationUri().getRawQuery()).contains("prompt=none");
        assertThat(silent.pendingLogin().silent()).isTrue();
        assertThat(normal.authorizationUri().getRawQuery()).doesNotContain("prompt=");
        assertThat(normal.pendingLogin().silent()).isFalse();
    }

    @Test
    void loginRequiredAfterASilentLoginMeansTheNormalLoginForTheSamePage() {
        PendingLogin pending = service.startLogin(IDP, "/browse/X", true).pendingLogin();

        Throwable thrown = catchThrowable(() -> service.completeLogin(IDP, pending, AuthorizationResponse.of(
                pending.state(), null, null, "login_required", "the session at the provider ended")));

        assertThat(thrown).isInstanceOf(SilentLoginNeedsInteraction.class);
        SilentLoginNeedsInteraction needed = (SilentLoginNeedsInteraction) thrown;
        assertThat(needed.errorCode()).isEqualTo(ErrorCode.SILENT_LOGIN_NEEDS_INTERACTION);
        assertThat(needed.identityProviderId()).isEqualTo(IDP);
        assertThat(needed.returnPath()).isEqualTo("/browse/X");
    }

    @Test
    void loginRequiredAfterANormalLoginIsTheProvidersError() {
        PendingLogin pending = service.startLogin(IDP, "/").pendingLogin();

        LoginFailedException failure = (LoginFailedException) catchThrowable(() -> service.completeLogin(IDP, pending,
                AuthorizationResponse.of(pending.state(), null, null, "login_required", null)));

        assertThat(failure).isNotInstanceOf(SilentLoginNeedsInteraction.class);
        assertThat(failure.errorCode()).isEqualTo(ErrorCode.IDP_ERROR_RESPONSE);
    }

    @Test
    void anotherErrorAfterASilentLoginIsStillTheProvidersError() {
        PendingLogin pending = service.startLogin(IDP, "/", true).pendingLogin();

        LoginFailedException failure = (LoginFailedException) catchThrowable(() -> service.completeLogin(IDP, pending,
                AuthorizationResponse.of(pending.state(), null, null, "access_denied", null)));

        assertThat(failure.errorCode()).isEqualTo(ErrorCode.IDP_ERROR_RESPONSE);
    }

    @Test
    void theSealKeepsWhetherALoginIsSilent() {
        PendingLoginSeal seal = PendingLoginSeal.inMemory();
        PendingLogin silent = new PendingLogin(IDP, "https://idp.example.com", "s", "n", "v",
                URI.create("https://host.example.com/cb"), "/", Instant.now().plusSeconds(600), true);

        assertThat(seal.open(seal.seal(silent)).silent()).isTrue();
        assertThat(seal.open(seal.seal(new PendingLogin(IDP, "https://idp.example.com", "s", "n", "v",
                URI.create("https://host.example.com/cb"), "/", Instant.now().plusSeconds(600)))).silent()).isFalse();
    }
}
