package io.lanyard.core.signin;

import static io.lanyard.core.signin.Providers.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.AccountDirectories;
import io.lanyard.core.host.HostUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountOwnershipTest {

    private final IdentityProviderConfig corporate = provider("corporate1", b -> b);
    private final IdentityProviderConfig contractors = provider("contractors1", b -> {
        b.signIn().allowedUsernames("ext-.*");
        return b;
    });
    private final IdentityProviderConfig partners = provider("partners1", b -> {
        b.signIn().allowedDirectory("Partner LDAP");
        return b;
    });
    private final List<IdentityProviderConfig> all = List.of(corporate, contractors, partners);
    private final Map<String, String> directoryOf = Map.of("alice", "Jira Internal Directory", "ext-bob",
            "Jira Internal Directory", "pat", "partner ldap");
    private final AccountOwnership ownership = new AccountOwnership(u -> Optional.ofNullable(directoryOf.get(u)));

    private static HostUser user(String username) {
        return new HostUser(username, username, username + "@example.com", true);
    }

    private void assertRefused(IdentityProviderConfig provider, String username, ErrorCode expected) {
        assertThatThrownBy(() -> ownership.check(provider, user(username), all))
                .isInstanceOfSatisfying(LoginFailedException.class, e -> assertThat(e.errorCode()).isEqualTo(expected));
    }

    @Test
    void aRestrictedProviderLogsInItsOwnAccounts() {
        assertThatCode(() -> ownership.check(contractors, user("ext-bob"), all)).doesNotThrowAnyException();
        assertThatCode(() -> ownership.check(partners, user("pat"), all)).doesNotThrowAnyException();
    }

    @Test
    void aRestrictedProviderRefusesOtherAccounts() {
        assertRefused(contractors, "alice", ErrorCode.ACCOUNT_NOT_ALLOWED_FOR_PROVIDER);
        // the pattern must match the whole username
        assertRefused(contractors, "alice-ext-bob", ErrorCode.ACCOUNT_NOT_ALLOWED_FOR_PROVIDER);
        assertRefused(partners, "alice", ErrorCode.ACCOUNT_NOT_ALLOWED_FOR_PROVIDER);
    }

    @Test
    void anUnrestrictedProviderCannotLogInAnAccountAnotherProviderOwns() {
        assertThatCode(() -> ownership.check(corporate, user("alice"), all)).doesNotThrowAnyException();
        assertRefused(corporate, "ext-bob", ErrorCode.ACCOUNT_OWNED_BY_OTHER_PROVIDER);
        assertRefused(corporate, "pat", ErrorCode.ACCOUNT_OWNED_BY_OTHER_PROVIDER);
    }

    @Test
    void aDirectoryTheHostCannotNameRefusesRatherThanGuesses() {
        AccountOwnership blind = new AccountOwnership(AccountDirectories.unknown());
        assertThatThrownBy(() -> blind.check(partners, user("pat"), all)).isInstanceOfSatisfying(
                LoginFailedException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCOUNT_DIRECTORY_UNKNOWN));

        AccountOwnership failing = new AccountOwnership(u -> {
            throw new IllegalStateException("crowd is down");
        });
        assertThatThrownBy(() -> failing.check(corporate, user("alice"), all)).isInstanceOfSatisfying(
                LoginFailedException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCOUNT_DIRECTORY_UNKNOWN));
    }

    @Test
    void withoutRestrictionsTheDirectoryIsNeverAsked() {
        AccountOwnership never = new AccountOwnership(u -> {
            throw new AssertionError("asked for " + u);
        });
        IdentityProviderConfig other = provider("other1", b -> b);

        assertThatCode(() -> never.check(corporate, user("alice"), List.of(corporate, other)))
                .doesNotThrowAnyException();
    }
}
