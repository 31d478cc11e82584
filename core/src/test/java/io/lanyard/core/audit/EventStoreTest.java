package io.lanyard.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");

    @TempDir
    Path home;

    private static AuditEvent login(String user, int second) {
        return AuditEvent.of(AuditEventType.LOGIN_SUCCEEDED, T0.plusSeconds(second)).user(user)
                .integration("keycloak").correlationId("REF" + second).sourceAddress("10.0.0.7")
                .detail("subject", "sub-" + user).build();
    }

    private static AuditEvent failure(String user, ErrorCode code, int second) {
        return AuditEvent.of(AuditEventType.LOGIN_FAILED, T0.plusSeconds(second)).user(user).integration("entra")
                .code(code).correlationId("X" + second).build();
    }

    private EventStore store(String node, EventStore.Limits limits) {
        return new EventStore(home.resolve("events"), node, limits, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void anEventComesBackAsWrittenEveryField() {
        EventStore store = store("node1", EventStore.Limits.DEFAULT);
        AuditEvent event = AuditEvent.of(AuditEventType.CONFIGURATION_CHANGED, T0).actor("admin").user("bob")
                .integration("keycloak").code(ErrorCode.USER_NOT_FOUND).correlationId("ABC").sourceAddress("::1")
                .detail("DISPLAY_NAME.from", "Old \"name\"\nline").detail("CLIENT_SECRET", AuditEvent.CHANGED).build();

        store.record(event);

        assertThat(store.recent(EventQuery.all())).containsExactly(event);
    }

    @Test
    void everyEventTypeIsStoredAndReadBack() {
        EventStore store = store("node1", EventStore.Limits.DEFAULT);
        for (AuditEventType type : AuditEventType.values()) {
            store.record(AuditEvent.of(type, T0.plusSeconds(type.ordinal())).user("u-" + type).build());
        }

        assertThat(store.recent(EventQuery.all())).extracting(AuditEvent::type)
                .containsExactlyInAnyOrder(AuditEventType.values());
    }

    @Test
    void filtersByUserProviderCodeTypeAndTimeNewestFirst() {
        EventStore store = store("node1", EventStore.Limits.DEFAULT);
        store.record(login("alice", 1));
        store.record(failure("bob", ErrorCode.USER_NOT_FOUND, 2));
        store.record(failure("bob", ErrorCode.ID_TOKEN_EXPIRED, 3));
        store.record(login("bob", 4));

        assertThat(store.recent(EventQuery.all().withUser("BOB"))).extracting(AuditEvent::correlationId)
                .containsExactly(Optional.of("REF4"), Optional.of("X3"), Optional.of("X2"));
        assertThat(store.recent(EventQuery.all().withIntegration("entra").withCode("lny-502")))
                .extracting(AuditEvent::code).containsExactly(Optional.of(ErrorCode.USER_NOT_FOUND));
        assertThat(store.recent(EventQuery.all().withType(AuditEventType.LOGIN_SUCCEEDED)))
                .extracting(e -> e.user().orElseThrow()).containsExactly("bob", "alice");
        assertThat(store.recent(EventQuery.all().between(Optional.of(T0.plusSeconds(2)),
                Optional.of(T0.plusSeconds(4))))).hasSize(2);
        assertThat(store.recent(EventQuery.all().withLimit(1))).extracting(AuditEvent::correlationId)
                .containsExactly(Optional.of("REF4"));
    }

    /** A kill can stop a write at any byte: every event before it stays readable, and the torn one is skipped. */
    @Test
    void aWriteTornAtAnyByteNeverCostsAnEarlierEvent() throws IOException {
        EventStore store = store("node1", EventStore.Limits.DEFAULT);
        store.record(login("alice", 1));
        store.record(login("carol", 2));
        Path file = store.currentFile().orElseThrow();
        byte[] whole = Files.readAllBytes(file);
        byte[] last = EventStore.line(login("dave", 3));
        // up to the line break: a line whole but for its break is a whole, checksummed event and may be read
        for (int cut = 0; cut < last.length - 1; cut++) {
            byte[] torn = new byte[whole.length + cut];
            System.arraycopy(whole, 0, torn, 0, whole.length);
            System.arraycopy(last, 0, torn, whole.length, cut);
            Files.write(file, torn);

            assertThat(store("reader", EventStore.Limits.DEFAULT).recent(EventQuery.all()))
                    .as("cut after %d bytes", cut).extracting(e -> e.user().orElseThrow())
                    .containsExactly("carol", "alice");
        }
    }

    @Test
    void aRestartedNodeWritesANewFileAndNeverBehindATornLine() throws IOException {
        EventStore before = store("node1", EventStore.Limits.DEFAULT);
        before.record(login("alice", 1));
        Path file = before.currentFile().orElseThrow();
        Files.write(file, "0badc0de {\"type\":\"LOGIN_SUC".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);

        EventStore after = new EventStore(home.resolve("events"), "node1", EventStore.Limits.DEFAULT,
                Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
        after.record(login("bob", 2));

        assertThat(after.currentFile().orElseThrow()).isNotEqualTo(file);
        assertThat(after.recent(EventQuery.all())).extracting(e -> e.user().orElseThrow())
                .containsExactly("bob", "alice");
    }

    @Test
    void anAlteredLineIsSkippedByItsChecksum() throws IOException {
        EventStore store = store("node1", EventStore.Limits.DEFAULT);
        store.record(login("alice", 1));
        store.record(login("bob", 2));
        Path file = store.currentFile().orElseThrow();
        Files.writeString(file, Files.readString(file).replace("\"alice\"", "\"mallory\""));

        assertThat(store.recent(EventQuery.all())).extracting(e -> e.user().orElseThrow()).containsExactly("bob");
    }

    @Test
    void filesRotateAndEachNodeKeepsItsNewestFilesOnly() throws IOException {
        EventStore.Limits limits = new EventStore.Limits(2048, 3);
        EventStore store = store("node1", limits);
        for (int i = 0; i < 200; i++) {
            store.record(login("user" + i, i));
        }

        try (Stream<Path> files = Files.list(home.resolve("events"))) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(3);
            for (Path file : all) {
                assertThat(Files.size(file)).isLessThanOrEqualTo(2048);
            }
        }
        List<AuditEvent> kept = store.recent(EventQuery.all().withLimit(5000));
        assertThat(kept).isNotEmpty().hasSizeLessThan(200);
        assertThat(kept.get(0).user()).contains("user199");
    }

    @Test
    void twoNodesWriteAtOnceIntoTheSameFolderAndNothingIsLostOrMixed() throws Exception {
        EventStore one = store("node-1", EventStore.Limits.DEFAULT);
        EventStore two = store("node-2", EventStore.Limits.DEFAULT);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            EventStore store = t % 2 == 0 ? one : two;
            String prefix = "t" + t + "-";
            done.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < 250; i++) {
                    store.record(login(prefix + i, i));
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(one.recent(EventQuery.all().withLimit(5000))).hasSize(1000);
        // one node never deletes the other's files
        try (Stream<Path> files = Files.list(home.resolve("events"))) {
            assertThat(files.map(p -> p.getFileName().toString().substring(0, 6)).distinct())
                    .containsExactlyInAnyOrder("node-1", "node-2");
        }
    }

    @Test
    void aStoreThatCannotWriteNeitherThrowsNorStopsTheOtherSinks() throws IOException {
        Files.writeString(home.resolve("events"), "a file where the folder should be");
        List<AuditEvent> others = new ArrayList<>();
        AuditSink both = AuditSinks.all(store("node1", EventStore.Limits.DEFAULT), others::add,
                event -> {
                    throw new IllegalStateException("a broken sink");
                });

        both.record(login("alice", 1));

        assertThat(others).hasSize(1);
    }
}
