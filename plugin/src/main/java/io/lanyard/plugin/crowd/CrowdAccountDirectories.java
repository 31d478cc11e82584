package io.lanyard.plugin.crowd;

import com.atlassian.crowd.embedded.api.CrowdDirectoryService;
import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.Directory;
import com.atlassian.crowd.embedded.api.User;
import io.lanyard.core.host.AccountDirectories;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which directory holds an account, in every product's embedded Crowd (docs/host-evidence.md 2): the user as the
 * product resolves it ({@code CrowdService.getUser}, the first directory in the product's order that has the name),
 * then its directory's name ({@code CrowdDirectoryService.findDirectoryById}). For a provider restricted to one
 * directory ({@code ALLOWED_DIRECTORY}). Without Crowd's directory service (it is an optional OSGi reference), or when
 * Crowd fails, the directory is unknown, which the restriction refuses (LNY-805): never a login it should not allow.
 */
public final class CrowdAccountDirectories implements AccountDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(CrowdAccountDirectories.class);

    private final CrowdService crowdService;
    private final CrowdDirectoryService directoryService;

    /** @param directoryService may be null: the product offers none (every directory is then unknown) */
    public CrowdAccountDirectories(CrowdService crowdService, CrowdDirectoryService directoryService) {
        this.crowdService = Objects.requireNonNull(crowdService, "crowdService");
        this.directoryService = directoryService;
    }

    @Override
    public Optional<String> directoryOf(String username) {
        if (directoryService == null) {
            return Optional.empty();
        }
        try {
            User user = crowdService.getUser(username);
            if (user == null) {
                return Optional.empty();
            }
            Directory directory = directoryService.findDirectoryById(user.getDirectoryId());
            return directory == null ? Optional.empty() : Optional.ofNullable(directory.getName());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Cannot tell which directory holds an account ({}): a provider restricted to a directory refuses "
                    + "it", e.toString());
            return Optional.empty();
        }
    }
}
