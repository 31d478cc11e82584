package io.lanyard.core.discovery;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.files.OwnerOnlyFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Providers' discovery documents and key sets as last fetched, kept in the shared home
 * ({@code <lanyard home>/provider-documents/}) as well as in memory, so that a node that starts while a provider is
 * unreachable still has its metadata and keys: sessions and logout tokens keep being validated, and the age of the
 * copy is shown. Also the status of each document's fetches, for the health view.
 *
 * <p>Only an <em>unreachable</em> provider ({@code *_UNREACHABLE}) falls back to the copy: a document that was fetched
 * but is wrong (invalid, another issuer) is refused as before, never hidden behind an old copy. The copy is parsed
 * and checked exactly like a fetched document. A file is written whole or not at all ({@link AtomicFileWriter}); one
 * that cannot be read is ignored.
 */
public final class ProviderDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderDocuments.class);
    static final String FOLDER = "provider-documents";
    private static final int MAX_BYTES = 1024 * 1024;

    /** What is known of one document: its last good fetch, the copy in use, the last failure. */
    public record Status(URI url, Optional<Instant> fetchedAt, Optional<Instant> failedAt,
            Optional<ErrorCode> failure, boolean servedFromCopy, Optional<Duration> clockOffset) {

        /** The age of what is in use, at {@code now}. */
        public Optional<Duration> age(Instant now) {
            return fetchedAt.map(at -> Duration.between(at, now));
        }
    }

    /**
     * A document as the provider answered it, and the time its HTTP {@code Date} header gave (RFC 9110 §6.6.1).
     *
     * @param providerDate when the provider says it answered, if it said so readably
     */
    public record Fetched(String document, Optional<Instant> providerDate) {

        /** The body and the {@code Date} header of a provider's answer. */
        public static Fetched of(com.nimbusds.oauth2.sdk.http.HTTPResponse response) {
            Optional<Instant> date;
            try {
                String header = response.getHeaderValue("Date");
                date = header == null ? Optional.empty() : Optional.of(java.time.ZonedDateTime.parse(header,
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException unreadable) {
                date = Optional.empty();
            }
            return new Fetched(response.getBody(), date);
        }
    }

    private final Optional<Path> folder;
    private final Clock clock;
    private final AtomicFileWriter writer = new AtomicFileWriter(AtomicFileWriter.ATOMIC_MOVE);
    private final Map<URI, Status> statuses = new ConcurrentHashMap<>();

    private ProviderDocuments(Optional<Path> folder, Clock clock) {
        this.folder = folder;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** In memory only: the status of fetches, no copies (tests, hosts without a home). */
    public static ProviderDocuments inMemory(Clock clock) {
        return new ProviderDocuments(Optional.empty(), clock);
    }

    /** Copies in {@code <lanyardDirectory>/provider-documents/}. */
    public static ProviderDocuments inFolder(Path lanyardDirectory, Clock clock) {
        return new ProviderDocuments(Optional.of(lanyardDirectory.resolve(FOLDER)), clock);
    }

    /**
     * Fetches the document with {@code fetch} and parses it with {@code parse}; keeps a copy of what parsed. When the
     * provider cannot be reached, parses the copy instead (logged with its age).
     *
     * @throws LoginFailedException the fetch's or the parser's failure when there is no usable copy
     */
    public <T> T fetch(URI url, Supplier<Fetched> fetch, Function<String, T> parse) {
        Instant now = clock.instant();
        Fetched fetched;
        try {
            fetched = fetch.get();
        } catch (LanyardException failure) {
            return fromCopy(url, failure, now, parse);
        }
        String document = fetched.document();
        // the provider's clock against ours, at the answer (the Date header has whole seconds)
        Optional<Duration> offset = fetched.providerDate().map(date -> Duration.between(clock.instant(), date));
        T parsed;
        try {
            parsed = parse.apply(document);
        } catch (LanyardException invalid) {
            statuses.put(url, new Status(url, status(url).flatMap(Status::fetchedAt), Optional.of(now),
                    Optional.of(invalid.errorCode()), false, offset));
            throw invalid;
        }
        statuses.put(url, new Status(url, Optional.of(now), Optional.empty(), Optional.empty(), false, offset));
        save(url, document, now);
        return parsed;
    }

    private <T> T fromCopy(URI url, LanyardException failure, Instant now, Function<String, T> parse) {
        Optional<ErrorCode> code = Optional.of(failure.errorCode());
        if (!isUnreachable(failure.errorCode())) {
            statuses.put(url, new Status(url, status(url).flatMap(Status::fetchedAt), Optional.of(now), code, false,
                    Optional.empty()));
            throw failure;
        }
        Optional<Copy> copy = load(url);
        if (copy.isEmpty()) {
            statuses.put(url, new Status(url, Optional.empty(), Optional.of(now), code, false, Optional.empty()));
            throw failure;
        }
        T parsed = parse.apply(copy.get().document());
        boolean first = !status(url).map(Status::servedFromCopy).orElse(false);
        statuses.put(url, new Status(url, Optional.of(copy.get().fetchedAt()), Optional.of(now), code, true,
                Optional.empty()));
        if (first) {
            LOG.warn("{}: {} cannot be reached ({}); using the copy in the shared home fetched at {}",
                    ErrorCode.PROVIDER_COPY_IN_USE, url, failure.errorCode().code(), copy.get().fetchedAt());
        }
        return parsed;
    }

    private static boolean isUnreachable(ErrorCode code) {
        return code == ErrorCode.DISCOVERY_UNREACHABLE || code == ErrorCode.JWKS_UNREACHABLE;
    }

    public Optional<Status> status(URI url) {
        return Optional.ofNullable(statuses.get(url));
    }

    /** When the copy in the shared home was fetched (by any node), if there is one. */
    public Optional<Instant> copyFetchedAt(URI url) {
        return load(url).map(Copy::fetchedAt);
    }

    private record Copy(Instant fetchedAt, String document) {
    }

    private void save(URI url, String document, Instant fetchedAt) {
        if (folder.isEmpty()) {
            return;
        }
        try {
            writer.write(file(url), null, (fetchedAt + " " + url + "\n" + document).getBytes(StandardCharsets.UTF_8));
        } catch (LanyardException e) {
            LOG.warn("{}: could not keep a copy of {} in the shared home ({}); it is still used from memory",
                    ErrorCode.PROVIDER_COPY_IN_USE, url, e.getMessage());
        }
    }

    private Optional<Copy> load(URI url) {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<byte[]> bytes = OwnerOnlyFiles.readAtMost(file(url), MAX_BYTES);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            String text = new String(bytes.get(), StandardCharsets.UTF_8);
            int lineEnd = text.indexOf('\n');
            String[] header = lineEnd < 0 ? new String[0] : text.substring(0, lineEnd).split(" ", 2);
            if (header.length != 2 || !header[1].equals(url.toString())) {
                return Optional.empty();
            }
            return Optional.of(new Copy(Instant.parse(header[0]), text.substring(lineEnd + 1)));
        } catch (IOException | DateTimeParseException e) {
            LOG.warn("The copy of {} in the shared home cannot be read ({})", url, e.toString());
            return Optional.empty();
        }
    }

    /** One file per URL, named by its SHA-256 so that no URL can name a path. */
    private Path file(URI url) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return folder.orElseThrow().resolve(HexFormat.of().formatHex(hash) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
