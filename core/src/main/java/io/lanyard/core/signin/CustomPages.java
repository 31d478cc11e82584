package io.lanyard.core.signin;

import io.lanyard.core.config.xml.PageTemplateStore;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LogText;
import io.lanyard.core.files.FileFingerprint;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's own sign-in pages as they are in force: each page's file read and checked once per change of
 * the file (one {@code stat} per page view otherwise), so that every node follows a save on another. A file that is
 * not a valid template is logged once (LNY-810) and the built-in page is shown instead: never a blank page.
 * Thread-safe.
 */
public final class CustomPages {

    private static final Logger LOG = LoggerFactory.getLogger(CustomPages.class);

    /** What a page shows now. */
    public sealed interface State permits BuiltIn, Custom, Broken {
    }

    /** No file: the built-in page. */
    public record BuiltIn() implements State {
    }

    /** The administrator's template, checked. */
    public record Custom(PageTemplate template) implements State {
    }

    /** A file that cannot be used: the built-in page is shown, and the admin page shows {@code problem}. */
    public record Broken(LanyardException problem) implements State {
    }

    private record Cached(Optional<FileFingerprint> fingerprint, State state) {
    }

    private final Optional<PageTemplateStore> store;
    private final Map<SignInPage, Cached> cache = new ConcurrentHashMap<>();

    /** @param store the files, or empty without Lanyard's folder (then every page is built in) */
    public CustomPages(Optional<PageTemplateStore> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The pages' files in Lanyard's folder, when there is one. */
    public static CustomPages in(Optional<Path> lanyardDirectory) {
        return new CustomPages(lanyardDirectory.map(directory -> new PageTemplateStore(directory,
                Arrays.stream(SignInPage.values()).map(SignInPage::id).toList())));
    }

    /**
     * Checks {@code source} as a template of {@code page}, then saves it atomically; it is in force at once.
     *
     * @throws LanyardException {@code CUSTOM_TEMPLATE_INVALID} (nothing written), {@code CONFIG_WRITE_FAILED} or
     *                          {@code CONFIG_LOCK_UNAVAILABLE} (the file is then as it was)
     * @throws IllegalStateException without Lanyard's folder
     */
    public void save(SignInPage page, String source) {
        PageTemplate.parse(page, source);
        requireStore().save(page.id(), source);
    }

    /** Back to the built-in page. */
    public void remove(SignInPage page) {
        requireStore().remove(page.id());
    }

    /** The text of the page's file, if there is one (even one that is not a valid template, to mend it). */
    public Optional<String> source(SignInPage page) {
        return store.isEmpty() ? Optional.empty() : store.get().read(page.id());
    }

    /** Where the page's file is or would be. */
    public Optional<Path> file(SignInPage page) {
        return store.map(files -> files.file(page.id()));
    }

    private PageTemplateStore requireStore() {
        return store.orElseThrow(() -> new IllegalStateException("Lanyard has no folder to keep page templates in"));
    }

    /** Built-in pages only. */
    public static CustomPages none() {
        return new CustomPages(Optional.empty());
    }

    /** The page as it is now, re-read when its file changed. */
    public State state(SignInPage page) {
        if (store.isEmpty()) {
            return new BuiltIn();
        }
        Optional<FileFingerprint> now = store.get().fingerprint(page.id());
        Cached cached = cache.get(page);
        if (cached != null && cached.fingerprint().equals(now)) {
            return cached.state();
        }
        State state = load(page, now);
        cache.put(page, new Cached(now, state));
        return state;
    }

    private State load(SignInPage page, Optional<FileFingerprint> fingerprint) {
        if (fingerprint.isEmpty()) {
            return new BuiltIn();
        }
        try {
            return store.get().read(page.id()).<State>map(source -> new Custom(PageTemplate.parse(page, source)))
                    .orElseGet(BuiltIn::new);
        } catch (LanyardException e) {
            LOG.warn("{}: the administrator's {} page cannot be used, showing the built-in page instead: {}",
                    e.errorCode(), page.id(), LogText.oneLine(e.getMessage()));
            return new Broken(e);
        }
    }
}
