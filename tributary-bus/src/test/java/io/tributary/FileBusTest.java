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
import io.tributary.log.AckLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
