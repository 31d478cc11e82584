package io.lanyard.core.config.xml;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.files.FileFingerprint;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.Optional;

/**
 * The administrator's own sign-in pages, one file each in Lanyard's folder of the shared home,
 * {@code page-<id>.html} (UTF-8), under the same rules as every file there: atomic replacement keeping
 * {@code <name>.bak}, owner-only permissions, saves serialized across the cluster's nodes. No file means the built-in
 * page. Thread-safe.
 */
public final class PageTemplateStore {

    private final Map<String, ConfigFile> files = new ConcurrentHashMap<>();

    /** @param pageIds the pages that may have a file, e.g. {@code chooser} */
    public PageTemplateStore(Path lanyardDirectory, List<String> pageIds) {
        this(lanyardDirectory, pageIds, AtomicFileWriter.ATOMIC_MOVE);
    }

    /** For tests: {@code replacer} stands in for the atomic rename, e.g. to make it fail. */
    PageTemplateStore(Path lanyardDirectory, List<String> pageIds, AtomicFileWriter.Replacer replacer) {
        Objects.requireNonNull(lanyardDirectory, "lanyardDirectory");
        for (String page : pageIds) {
            files.put(page, new ConfigFile(lanyardDirectory, fileName(page), replacer));
        }
    }

    public static String fileName(String page) {
        return "page-" + page + ".html";
    }

    public Path file(String page) {
        return fileOf(page).path();
    }

    private ConfigFile fileOf(String page) {
        ConfigFile file = files.get(page);
        if (file == null) {
            throw new IllegalArgumentException("no such page: " + page);
        }
        return file;
    }

    /**
     * The template's text, or empty when there is no file.
     *
     * @throws LanyardException {@code CONFIG_UNREADABLE}, or {@code CUSTOM_TEMPLATE_INVALID} when it is not UTF-8
     */
    public Optional<String> read(String page) {
        Optional<byte[]> content = fileOf(page).currentContent();
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content.get())).toString());
        } catch (CharacterCodingException e) {
            throw new LanyardException(ErrorCode.CUSTOM_TEMPLATE_INVALID, file(page) + " is not UTF-8 text");
        }
    }

    /**
     * Replaces the file atomically (the caller has checked the template).
     *
     * @throws LanyardException {@code CONFIG_WRITE_FAILED} or {@code CONFIG_LOCK_UNAVAILABLE}; the file is then as it
     *                          was
     */
    public void save(String page, String source) {
        fileOf(page).replace(source.getBytes(StandardCharsets.UTF_8));
    }

    /** Back to the built-in page: removes the file (its last content stays in the backup). */
    public void remove(String page) {
        fileOf(page).restore(Optional.empty());
    }

    /** What one {@code stat} says of the page's file now; empty without a file. */
    public Optional<FileFingerprint> fingerprint(String page) {
        try {
            return FileFingerprint.of(file(page));
        } catch (IOException e) {
            return Optional.of(new FileFingerprint(-1, FileTime.fromMillis(0), e.toString()));
        }
    }
}
