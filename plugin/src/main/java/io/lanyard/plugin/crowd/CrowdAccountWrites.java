package io.lanyard.plugin.crowd;

import com.atlassian.crowd.embedded.api.CrowdDirectoryService;
import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.Directory;
import com.atlassian.crowd.embedded.api.PasswordCredential;
import com.atlassian.crowd.manager.directory.DirectoryManager;
import com.atlassian.crowd.model.user.User;
import com.atlassian.crowd.model.user.UserTemplate;
import com.atlassian.crowd.model.user.UserTemplateWithAttributes;
import com.atlassian.crowd.model.user.UserWithAttributes;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.AccountChanges;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.HostDirectory;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.NewAccount;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts in Jira, Confluence, Bitbucket and Bamboo through Crowd's {@code DirectoryManager}, as Atlassian's own
 * just-in-time provisioning writes them (docs/host-evidence.md, 2.1): {@code addUser} in the chosen directory with a
 * random password nobody learns, {@code updateUser} with a {@code UserTemplate} of the user, user attributes with
 * {@code storeUserAttributes}. One host API per method.
 */
public final class CrowdAccountWrites implements AccountWrites {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CrowdDirectories directories;

    public CrowdAccountWrites(HostProduct product, DirectoryManager directoryManager, CrowdDirectoryService directoryService,
            CrowdService crowdService) {
        this.directories = new CrowdDirectories(product, directoryManager, directoryService, crowdService);
    }

    @Override
    public List<HostDirectory> writableDirectories() {
        return directories.writable().stream().map(d -> new HostDirectory(String.valueOf(d.getId()), d.getName()))
                .toList();
    }

    @Override
    public HostUser create(NewAccount account) {
        Directory directory = chosen(account);
        long id = directory.getId();
        UserTemplateWithAttributes user = new UserTemplateWithAttributes(account.username(), id);
        user.setActive(true);
        user.setDisplayName(account.displayName());
        user.setEmailAddress(account.email());
        int space = account.displayName().lastIndexOf(' ');
        user.setFirstName(space > 0 ? account.displayName().substring(0, space) : account.displayName());
        user.setLastName(space > 0 ? account.displayName().substring(space + 1) : "");
        UserWithAttributes created = directories.call("create the user " + account.username() + " in "
                + directory.getName(), ErrorCode.HOST_ACCOUNT_CREATE_FAILED,
                () -> directories.manager().addUser(id, user, PasswordCredential.unencrypted(unusablePassword())));
        return toHostUser(created);
    }

    @Override
    public HostUser update(String username, AccountChanges changes) {
        long directory = directories.directoryOf(username, ErrorCode.HOST_ACCOUNT_UPDATE_FAILED);
        User updated = directories.call("update the user " + username, ErrorCode.HOST_ACCOUNT_UPDATE_FAILED, () -> {
            UserTemplate template = new UserTemplate(directories.manager().findUserByName(directory, username));
            changes.displayName().ifPresent(template::setDisplayName);
            changes.email().ifPresent(template::setEmailAddress);
            changes.active().ifPresent(template::setActive);
            return directories.manager().updateUser(directory, template);
        });
        return toHostUser(updated);
    }

    @Override
    public Set<String> attribute(String username, String name) {
        long directory = directories.directoryOf(username, ErrorCode.HOST_USER_ATTRIBUTE_FAILED);
        Set<String> values = directories.call("read the attribute " + name + " of " + username,
                ErrorCode.HOST_USER_ATTRIBUTE_FAILED,
                () -> directories.manager().findUserWithAttributesByName(directory, username).getValues(name));
        return values == null ? Set.of() : Set.copyOf(values);
    }

    @Override
    public void setAttribute(String username, String name, Set<String> values) {
        long directory = directories.directoryOf(username, ErrorCode.HOST_USER_ATTRIBUTE_FAILED);
        directories.call("store the attribute " + name + " of " + username, ErrorCode.HOST_USER_ATTRIBUTE_FAILED,
                () -> {
                    directories.manager().storeUserAttributes(directory, username, Map.of(name, Set.copyOf(values)));
                    return null;
                });
    }

    /** The directory named, or the first writable one. */
    private Directory chosen(NewAccount account) {
        List<Directory> writable = directories.writable();
        return account.directory()
                .map(name -> writable.stream().filter(d -> name.equalsIgnoreCase(d.getName())).findFirst()
                        .orElseThrow(() -> new LanyardException(ErrorCode.HOST_DIRECTORY_UNAVAILABLE, "no active "
                                + "directory \"" + name + "\" that allows creating users")))
                .orElseGet(() -> writable.stream().findFirst().orElseThrow(() -> new LanyardException(
                        ErrorCode.HOST_DIRECTORY_UNAVAILABLE, "no active directory allows creating users")));
    }

    /**
     * A password nobody learns (Atlassian's own provisioning does the same): 32 random bytes, with a letter of each
     * case, a digit and a symbol so that a password policy accepts it. The person logs in through the provider only.
     */
    private static String unusablePassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "aA1!";
    }

    private static HostUser toHostUser(com.atlassian.crowd.embedded.api.User user) {
        return new HostUser(user.getName(), user.getDisplayName(), user.getEmailAddress(), user.isActive());
    }
}
