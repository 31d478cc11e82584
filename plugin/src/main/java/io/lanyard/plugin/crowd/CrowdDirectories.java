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

/**
 * What the Crowd adapters share: the product's directories and the directory that holds a user, and how a Crowd
 * failure becomes Lanyard's code. Writes go through Crowd's {@code DirectoryManager} with a directory id, as
 * Atlassian's own just-in-time provisioning does on all four products (docs/host-evidence.md, 2.1 and 2.2): the
 * embedded {@code CrowdService} would write to the first writable directory, not the one chosen.
 *
 * <p>{@code DirectoryManager} is not a published API and is UNCONFIRMED on Platform 8: a product without it (or with
 * other signatures, or without the OSGi service) fails the writes with {@code HOST_WRITES_UNAVAILABLE}, logged once
 * with one warning ({@link MissingWriteApi}); reading and logging in stay as they are.
 */
final class CrowdDirectories {

    private final HostProduct host;
    private final DirectoryManager directoryManager;
    private final CrowdDirectoryService directoryService;
    private final CrowdService crowdService;
    private final MissingWriteApi missing = new MissingWriteApi("Crowd's directory API (DirectoryManager, "
            + "CrowdDirectoryService)");

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

    /** Runs a Crowd operation; any failure is {@code code}, a missing API or service {@code HOST_WRITES_UNAVAILABLE}. */
    <T> T call(String what, ErrorCode code, CrowdCall<T> operation) {
        try {
            return operation.call();
        } catch (RuntimeException e) {
            if (MissingWriteApi.isServiceMissing(e)) {
                throw missing.failure(product(), e);
            }
            throw failed(what, code, e);
        } catch (CrowdException | PermissionException e) {
            throw failed(what, code, e);
        } catch (LinkageError e) {
            throw missing.failure(product(), e);
        }
    }

    private LanyardException failed(String what, ErrorCode code, Exception e) {
        return new LanyardException(code, product() + " could not " + what + ": " + e, e);
    }
}
