package io.lanyard.plugin.crowd;

import com.atlassian.crowd.embedded.api.CrowdDirectoryService;
import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.Directory;
import com.atlassian.crowd.embedded.api.DirectoryType;
import com.atlassian.crowd.embedded.api.OperationType;
import com.atlassian.crowd.embedded.api.User;
import com.atlassian.crowd.exception.CrowdException;
import com.atlassian.crowd.exception.PermissionException;
import com.atlassian.crowd.manager.directory.DirectoryManager;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Crowd adapters share: the product's directories and the directory that holds a user, and how a Crowd
 * failure becomes Lanyard's code. Writes go through Crowd's {@code DirectoryManager} with a directory id, as
 * Atlassian's own just-in-time provisioning does on all four products (docs/host-evidence.md, 2.1 and 2.2): the
 * embedded {@code CrowdService} would write to the first writable directory, not the one chosen.
 *
 * <p>{@code DirectoryManager} is not a published API and is UNCONFIRMED on Platform 8: a product without it (or with
 * other signatures) fails the writes with {@code HOST_WRITES_UNAVAILABLE}, logged once with one warning; reading and
 * logging in stay as they are.
 */
final class CrowdDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(CrowdDirectories.class);

    private final HostProduct host;
    private final DirectoryManager directoryManager;
    private final CrowdDirectoryService directoryService;
    private final CrowdService crowdService;
    private final AtomicBoolean warned = new AtomicBoolean();

    CrowdDirectories(HostProduct host, DirectoryManager directoryManager, CrowdDirectoryService directoryService,
            CrowdService crowdService) {
        this.host = Objects.requireNonNull(host, "host");
        this.directoryManager = Objects.requireNonNull(directoryManager, "directoryManager");
        this.directoryService = Objects.requireNonNull(directoryService, "directoryService");
        this.crowdService = Objects.requireNonNull(crowdService, "crowdService");
    }

    DirectoryManager manager() {
        return directoryManager;
    }

    /**
     * The active directories that allow creating users, in the product's order, the internal ones first (a
     * default installation's internal directory, where Atlassian's own provisioning creates users).
     */
    List<Directory> writable() {
        List<Directory> internal = new ArrayList<>();
        List<Directory> others = new ArrayList<>();
        for (Directory directory : call("list the user directories", ErrorCode.HOST_DIRECTORY_UNAVAILABLE,
                directoryService::findAllDirectories)) {
            if (directory.isActive() && directory.getAllowedOperations().contains(OperationType.CREATE_USER)) {
                (directory.getType() == DirectoryType.INTERNAL ? internal : others).add(directory);
            }
        }
        internal.addAll(others);
        return internal;
    }

    /**
     * The id of the directory that holds {@code username}, as the product resolves users.
     *
     * @throws LanyardException {@code code} when there is no such user
     */
    long directoryOf(String username, ErrorCode code) {
        User user = call("find " + username, code, () -> crowdService.getUser(username));
        if (user == null) {
            throw new LanyardException(code, product() + " has no user " + username);
        }
        return user.getDirectoryId();
    }

    /** The product's name for messages; never fails a write. */
    private String product() {
        try {
            return host.platformId();
        } catch (RuntimeException e) {
            return "the product";
        }
    }

    /** A Crowd read or write that throws Crowd's checked exceptions. */
    @FunctionalInterface
    interface CrowdCall<T> {
        T call() throws CrowdException, PermissionException;
    }

    /** Runs a Crowd operation; any failure is {@code code}, a missing API {@code HOST_WRITES_UNAVAILABLE}. */
    <T> T call(String what, ErrorCode code, CrowdCall<T> operation) {
        try {
            return operation.call();
        } catch (CrowdException | PermissionException | RuntimeException e) {
            throw new LanyardException(code, product() + " could not " + what + ": " + e, e);
        } catch (LinkageError e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("{}'s Crowd directory API is not the one Lanyard knows ({}); just-in-time accounts and group "
                        + "sync are unavailable (LNY-617)", product(), e.toString());
            }
            throw new LanyardException(ErrorCode.HOST_WRITES_UNAVAILABLE, product() + " lacks Crowd's directory API as "
                    + "Lanyard knows it: " + e, e);
        }
    }
}
