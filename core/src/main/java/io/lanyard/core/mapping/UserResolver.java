package io.lanyard.core.mapping;

import io.lanyard.core.config.UserLookup;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.UserDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the existing host account of a verified identity: by the mapped username, or (when the provider's lookup
 * allows it) by an e-mail address the provider verified that exactly one active account has. Creating accounts is not
 * its business ({@code core.provisioning} does that).
 */
public final class UserResolver {

    private static final Logger LOG = LoggerFactory.getLogger(UserResolver.class);

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
            user = byEmail(claims, mapper.mapping().trustUnverifiedEmail());
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
     * OIDC Core §5.1 and §5.7: an e-mail address selects an account only when the provider vouches for it,
     * {@code email_verified} true. Absent is not enough: Microsoft Entra ID and AD FS never send the claim, and
     * Entra's {@code email} is whatever a user may set, so an address there could name someone else's account here.
     * An administrator who trusts a provider's addresses anyway switches that on for that provider (an absent claim is
     * then accepted, never a false one), and each login it decides is logged.
     */
    private Optional<HostUser> byEmail(Map<String, Object> claims, boolean trustUnverified) {
        Object email = claims.get("email");
        if (!(email instanceof String address) || address.isBlank()) {
            return Optional.empty();
        }
        Object emailVerified = claims.get("email_verified");
        boolean verified = isVerified(emailVerified);
        // A provider that says "not verified" is never overruled; only its silence can be trusted.
        boolean refusedByProvider = Boolean.FALSE.equals(emailVerified) || "false".equals(emailVerified);
        if (!verified && (!trustUnverified || refusedByProvider)) {
            LOG.info("The token's e-mail address was not used to find an account: the provider does not say it verified"
                    + " it (email_verified is {})", emailVerified == null ? "absent" : "not true");
            return Optional.empty();
        }
        Optional<HostUser> match = uniqueByEmail(address.strip());
        if (!verified && match.isPresent()) {
            LOG.warn("{} selected by an e-mail address the provider did not verify (trusted unverified e-mail is on "
                    + "for this provider)", match.get().username());
        }
        return match;
    }

    /** {@code true}; also the string {@code "true"}, which some providers (Amazon Cognito) send instead. */
    private static boolean isVerified(Object emailVerified) {
        return Boolean.TRUE.equals(emailVerified) || "true".equals(emailVerified);
    }

    private Optional<HostUser> uniqueByEmail(String address) {
        // Only active accounts count: a deactivated namesake neither blocks nor takes the login.
        List<HostUser> matches = directory.findByEmail(address).stream().filter(HostUser::active).toList();
        if (matches.size() > 1) {
            throw new LoginFailedException(ErrorCode.USER_AMBIGUOUS,
                    matches.size() + " active users share the token's e-mail address; refusing to pick one");
        }
        return matches.stream().findFirst();
    }
}
