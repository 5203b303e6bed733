package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Record;
import io.tributary.api.TributaryException;
import io.tributary.broker.BrokerConfig;
import io.tributary.broker.EmbeddedBroker;
import io.tributary.event.Event;
import io.tributary.format.BatchBuilder;
import io.tributary.format.RecordBatch;
import io.tributary.group.GroupDescription;
import io.tributary.log.AckLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on {@code file:}, each bus in a fresh directory; plus what only a durable bus does:
 * events outlive the bus, and a directory admits one bus at a time.
 */
class FileBusTest extends BusContract {

    @TempDir
    Path data;

    private final AtomicInteger buses = new AtomicInteger();

    @Override
    protected Bus openBus(BusOptions options) {
        return Tributary.open("file:" + data.resolve("bus-" + buses.incrementAndGet()), options);
    }

    @Test
    void reopenedDirectory_holdsEveryPublishedEvent_forASubscriptionFromEarliest() throws Exception {
        String url = "file:" + data.resolve("restart");
        BusOptions options = BusOptions.defaults().withPartitions(3);
        List<CompletableFuture<EventPosition>> published = new ArrayList<>();
        try (Bus bus = Tributary.open(url, options)) {
            for (int i = 0; i < 300; i++) {
                published.add(bus.publish("restart", keyed("tick", "key-" + (i % 5), i)));
            }
            CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        try (Bus reopened = Tributary.open(url, BusOptions.defaults())) {
            RecordingHandler handler = new RecordingHandler();
            reopened.subscribe(Subscription.to("restart").from(StartPosition.earliest()), handler);

            List<Event> received = handler.await(300, WAIT);
            assertThat(received).extracting(BusContract::sequenceOf).containsExactlyInAnyOrderElementsOf(sequences(300));
            assertThat(received).extracting(Event::partitionkey).containsOnly("key-0", "key-1", "key-2", "key-3", "key-4");
            // the topic kept its 3 partitions although the reopened bus would create topics with 1
            assertThat(published.stream().map(CompletableFuture::join).map(EventPosition::partition).distinct())
                    .hasSizeGreaterThan(1);
            reopened.publish("restart", keyed("tick", "key-0", 300)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(handler.await(301, WAIT)).hasSize(301);
        }
    }

    @Test
    void secondBusOnTheSameDirectory_isRefused_namingTheDirectoryLock() throws Exception {
        Path directory = data.resolve("shared");
        try (Bus first = Tributary.open("file:" + directory)) {
            assertThatThrownBy(() -> Tributary.open("file:" + directory))
                    .isInstanceOf(TributaryException.class)
                    .hasMessageContaining(directory.toAbsolutePath().toString())
                    .hasMessageContaining(".lock")
                    .hasMessageContaining("in use");
            first.publish("still-usable", event("ok")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        try (Bus afterClose = Tributary.open("file:" + directory)) {
            assertThat(afterClose.toString()).contains(directory.toString());
        }
    }

    @Test
    void closingTheBusFromAHandler_stillCommitsWhatWasHandled_andLeavesTheGroup() throws Exception {
        String url = "file:" + data.resolve("close-from-handler");
        Bus bus = Tributary.open(url);
        CountDownLatch closing = new CountDownLatch(1);
        RecordingListener hooks = new RecordingListener();
        bus.subscribe(Subscription.to("closing").group("closer").listener(hooks), event -> {
            if (sequenceOf(event) == 4) {
                bus.close(); // returns at once: this handler's event must finish before the partition is given up
                closing.countDown();
            }
        });
        hooks.awaitHeld(held -> held.size() == 1, WAIT);
        GroupContract.publishKeyed(bus, "closing", 0, 5);
        assertThat(closing.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        try (Bus reopened = openWhenReleased(url)) {
            GroupDescription group = reopened.groups().describe("closer");
            assertThat(group.members()).isEmpty();
            assertThat(group.partitions()).singleElement()
                    .satisfies(progress -> assertThat(progress.committed()).hasValue(5));
        }
    }

    @Test
    void aDeadLetterThatCannotBeWritten_holdsItsPartition_butNoWorker_andCloseDoesNotWaitForIt() throws Exception {
        Bus bus = bus(BusOptions.defaults().withWorkers(1));
        Event.Builder huge = Event.builder("huge");
        byte[] nearTheLimit = new byte[(1 << 20) - attributeBytes(huge.build()) - 16]; // its dead letter's are over it
        RecordingListener stuck = new RecordingListener();
        bus.subscribe(Subscription.to("dlq-unwritable").group("billing").retry(Retry.none()).listener(stuck), event -> {
            throw new IllegalStateException("no");
        });
        RecordingHandler others = new RecordingHandler();
        bus.subscribe(Subscription.to("dlq-others"), others);
        stuck.awaitHeld(held -> held.size() == 1, WAIT);

        bus.publish("dlq-unwritable", huge.data(nearTheLimit).build()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        stuck.awaitCall("failed", WAIT);
        for (int i = 0; i < 3; i++) {
            bus.publish("dlq-others", keyed("tick", "k", i)).join();
        }

        assertThat(others.await(3, WAIT)).hasSize(3); // the one worker is free while the dead letter waits
        long started = System.nanoTime();
        bus.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(stuck.calls()).noneMatch(call -> call.startsWith("dead"));
    }

    /** Bytes of the header names and values of the record that stores {@code event}, as the record limit counts them. */
    private static int attributeBytes(Event event) {
        return io.tributary.event.EventRecords.toRecord(event).headers().stream()
                .mapToInt(header -> header.name().getBytes(StandardCharsets.UTF_8).length + header.value().length).sum();
    }

    /** Opens the bus of {@code url} once the bus closing in the background released the directory. */
    private static Bus openWhenReleased(String url) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return Tributary.open(url);
            } catch (TributaryException inUse) {
                if (System.nanoTime() > deadline) {
                    throw inUse;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void eventOverTheRecordLimit_failsAlone_whileEventsPublishedBesideItCommit() throws Exception {
        Bus bus = bus();
        byte[] tooLarge = new byte[(1 << 20) + 1];
        List<CompletableFuture<EventPosition>> small = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            small.add(bus.publish("limits", keyed("tick", "k", i)));
        }
        CompletableFuture<EventPosition> large = bus.publish("limits",
                Event.builder("huge").key("k").data(tooLarge).build());
        for (int i = 50; i < 100; i++) {
            small.add(bus.publish("limits", keyed("tick", "k", i)));
        }

        CompletableFuture.allOf(small.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThatThrownBy(() -> large.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .hasMessageContaining("tributary.broker.max-record-bytes");
        assertThat(small).extracting(f -> f.join().offset()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void nonEventRecordsInTheTopic_areSkipped() throws Exception {
        // the directory is a broker's: write one plain record with the broker API, then read through a bus
        Path directory = data.resolve("mixed");
        try (EmbeddedBroker broker = EmbeddedBroker.open(BrokerConfig.defaults(directory))) {
            broker.service().createTopic("mixed", 1, Map.of());
            RecordBatch plain = BatchBuilder.create()
                    .add(Record.of("plain".getBytes(StandardCharsets.UTF_8), 0))
                    .add(Record.of("plain too".getBytes(StandardCharsets.UTF_8), 0)).build();
            broker.service().append("mixed", 0, plain, AckLevel.COMMITTED, WAIT).join();
        }
        try (Bus bus = Tributary.open("file:" + directory)) {
            bus.publish("mixed", event("after.plain")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            RecordingHandler handler = new RecordingHandler();
            bus.subscribe(Subscription.to("mixed").from(StartPosition.earliest()), handler);

            assertThat(handler.await(1, WAIT)).extracting(Event::type).containsExactly("after.plain");
            EventPosition next = bus.publish("mixed", event("next")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(next.offset()).isEqualTo(3);
            assertThat(handler.await(2, WAIT)).extracting(Event::type).containsExactly("after.plain", "next");
        }
    }

    private static List<Integer> sequences(int count) {
        List<Integer> sequences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sequences.add(i);
        }
        return sequences;
    }
}
