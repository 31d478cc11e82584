package io.lanyard.core.signin;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.SignInSettings;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.AccountDirectories;
import io.lanyard.core.host.HostUser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which provider may log in which account, when several providers share one product. A provider restricted to a
 * username pattern or to one user directory owns the accounts that match it, and logs in no other; a provider without
 * a restriction logs in any account that no other provider owns. So an account {@code ext-bob} of the contractors'
 * provider (pattern {@code ext-.*}) cannot be reached through the corporate provider, even when the corporate
 * provider's claims map someone to that name.
 */
public final class AccountOwnership {

    private final AccountDirectories directories;

    public AccountOwnership(AccountDirectories directories) {
        this.directories = Objects.requireNonNull(directories, "directories");
    }

    /**
     * @param provider the provider the person signed in with
     * @param user     the account their identity maps to
     * @param all      every configured provider, enabled or not (a disabled provider still owns its accounts)
     * @throws LoginFailedException {@code ACCOUNT_NOT_ALLOWED_FOR_PROVIDER}, {@code ACCOUNT_OWNED_BY_OTHER_PROVIDER},
     *         {@code ACCOUNT_DIRECTORY_UNKNOWN}
     */
    public void check(IdentityProviderConfig provider, HostUser user, List<IdentityProviderConfig> all) {
        Lookup lookup = new Lookup(user.username());
        SignInSettings own = provider.signIn();
        if (own.restrictsAccounts()) {
            if (!matches(own, lookup)) {
                throw new LoginFailedException(ErrorCode.ACCOUNT_NOT_ALLOWED_FOR_PROVIDER, "account " + user.username()
                        + " is not one identity provider " + provider.id() + " may log in (" + describe(own) + ")");
            }
            return;
        }
        for (IdentityProviderConfig other : all) {
            if (!other.id().equals(provider.id()) && other.signIn().restrictsAccounts() && matches(other.signIn(), lookup)) {
                throw new LoginFailedException(ErrorCode.ACCOUNT_OWNED_BY_OTHER_PROVIDER, "account " + user.username()
                        + " belongs to identity provider " + other.id() + " (" + describe(other.signIn())
                        + "); identity provider " + provider.id() + " may not log it in");
            }
        }
    }

    private boolean matches(SignInSettings restriction, Lookup lookup) {
        boolean usernameMatches = restriction.allowedUsernames()
                .map(pattern -> pattern.matcher(lookup.username).matches()).orElse(true);
        if (!usernameMatches) {
            return false;
        }
        return restriction.allowedDirectory().map(directory -> directory.equalsIgnoreCase(lookup.directory()))
                .orElse(true);
    }

    private static String describe(SignInSettings restriction) {
        return restriction.allowedUsernames().map(p -> "usernames matching " + p.pattern()).orElse("")
                + (restriction.allowedUsernames().isPresent() && restriction.allowedDirectory().isPresent() ? ", " : "")
                + restriction.allowedDirectory().map(d -> "accounts of the directory " + d).orElse("");
    }

    /** The account's directory, asked of the host once and only when a restriction needs it. */
    private final class Lookup {
        private final String username;
        private Optional<String> directory;

        Lookup(String username) {
            this.username = username;
        }

        String directory() {
            if (directory == null) {
                try {
                    directory = directories.directoryOf(username);
                } catch (RuntimeException e) {
                    throw new LoginFailedException(ErrorCode.ACCOUNT_DIRECTORY_UNKNOWN, "the application could not say "
                            + "which user directory " + username + " is in: " + e, e);
                }
                if (directory.isEmpty()) {
                    throw new LoginFailedException(ErrorCode.ACCOUNT_DIRECTORY_UNKNOWN, "the application cannot say "
                            + "which user directory " + username + " is in, so a directory restriction cannot be checked");
                }
            }
            return directory.get();
        }
    }
}
