package io.lanyard.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a file's metadata says about its content, read with one {@code stat}: size, modification time and the
 * file's identity (device and inode where the platform has them). Lanyard replaces its files by renaming a new file
 * over the old one, so every write gives a new identity as well as a new time; comparing fingerprints tells whether
 * another process (another cluster node sharing the home) changed a file without reading or parsing it.
 *
 * @param fileKey the platform's identity of the file, or null where it has none
 */
public record FileFingerprint(long size, FileTime lastModified, Object fileKey) {

    public FileFingerprint {
        Objects.requireNonNull(lastModified, "lastModified");
    }

    /**
     * @return empty when there is no such file
     * @throws IOException when its metadata cannot be read
     */
    public static Optional<FileFingerprint> of(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileFingerprint(attributes.size(), attributes.lastModifiedTime(),
                    attributes.fileKey()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
