package io.lanyard.core.mapping;

import io.lanyard.core.config.UserLookup;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.UserDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the existing host account of a verified identity: by the mapped username, or (when the provider's lookup
 * allows it) by an e-mail address the provider verified that exactly one active account has. Creating accounts is not
 * its business ({@code core.provisioning} does that).
 */
public final class UserResolver {

    private final UserDirectory directory;

    public UserResolver(UserDirectory directory) {
        this.directory = directory;
    }

    /**
     * @throws LoginFailedException {@code USER_NOT_FOUND}, {@code USER_AMBIGUOUS}, {@code USER_INACTIVE},
     *         or a mapping failure of {@link UsernameMapper}
     */
    public HostUser resolve(Map<String, Object> claims, UsernameMapper mapper) {
        String username = mapper.username(claims);
        HostUser found = find(username, claims, mapper).orElseThrow(() -> notFound(username, mapper));
        if (!found.active()) {
            throw new LoginFailedException(ErrorCode.USER_INACTIVE, "user \"" + found.username() + "\" is inactive");
        }
        return found;
    }

    /**
     * The account of {@code username} (the mapped username of {@code claims}), active or not; or the one active
     * account with the token's verified e-mail address, when the lookup allows it.
     *
     * @throws LoginFailedException {@code USER_AMBIGUOUS} when several active accounts have that address
     */
    public Optional<HostUser> find(String username, Map<String, Object> claims, UsernameMapper mapper) {
        Optional<HostUser> user = directory.findByUsername(username);
        if (user.isEmpty() && mapper.mapping().lookup() == UserLookup.USERNAME_THEN_EMAIL) {
            user = byVerifiedEmail(claims);
        }
        return user;
    }

    /** {@code USER_NOT_FOUND} for {@code username}, saying what was looked for. */
    public static LoginFailedException notFound(String username, UsernameMapper mapper) {
        return new LoginFailedException(ErrorCode.USER_NOT_FOUND,
                "no user \"" + username + "\"" + (mapper.mapping().lookup() == UserLookup.USERNAME_THEN_EMAIL
                        ? " and no single user with the token's e-mail address" : ""));
    }

    /**
     * OIDC Core §5.1: email_verified false means the provider does not vouch for the address, so it must not
     * select an account; absent is taken as the provider's usual practice (Entra ID omits it).
     */
    private Optional<HostUser> byVerifiedEmail(Map<String, Object> claims) {
        Object email = claims.get("email");
        if (!(email instanceof String address) || address.isBlank() || Boolean.FALSE.equals(claims.get("email_verified"))) {
            return Optional.empty();
        }
        // Only active accounts count: a deactivated namesake neither blocks nor takes the login.
        List<HostUser> matches = directory.findByEmail(address.strip()).stream().filter(HostUser::active).toList();
        if (matches.size() > 1) {
            throw new LoginFailedException(ErrorCode.USER_AMBIGUOUS,
                    matches.size() + " active users share the token's e-mail address; refusing to pick one");
        }
        return matches.stream().findFirst();
    }
}
