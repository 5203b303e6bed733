package io.tributary.internal.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.StartPosition;
import io.tributary.broker.BrokerConfig;
import io.tributary.broker.EmbeddedBroker;
import io.tributary.broker.service.BrokerService;
import io.tributary.event.Event;
import io.tributary.event.EventRecords;
import io.tributary.format.BatchBuilder;
import io.tributary.internal.Fetched;
import io.tributary.log.AckLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogPartitionReaderTest {

    private static final Duration NO_WAIT = Duration.ZERO;

    @TempDir
    Path data;

    private EmbeddedBroker broker;
    private BrokerService service;

    @BeforeEach
    void open() {
        broker = EmbeddedBroker.open(BrokerConfig.defaults(data));
        service = broker.service();
    }

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void next_handsOutAtMostMaxEvents_keepsTheRestOfTheBatch_inFreshArrays() throws Exception {
        service.createTopic("batched", 1, Map.of());
        appendBatch("batched", 0, 10, 100);
        LogPartitionReader reader = LogPartitionReader.open(service, "batched", 0, StartPosition.earliest());

        Fetched first = reader.next(4, NO_WAIT);
        Fetched second = reader.next(4, NO_WAIT);
        Fetched third = reader.next(4, NO_WAIT);

        assertThat(first.offsets()).containsExactly(0, 1, 2, 3);
        assertThat(first.nextOffset()).isEqualTo(4);
        assertThat(second.offsets()).containsExactly(4, 5, 6, 7);
        assertThat(third.offsets()).containsExactly(8, 9);
        assertThat(third.nextOffset()).isEqualTo(10);
        assertThat(first.events()).isNotSameAs(second.events());
        assertThat(first.events()[0].data()).asString(StandardCharsets.UTF_8).isEqualTo("0");
        assertThat(reader.next(4, NO_WAIT).isEmpty()).isTrue();
    }

    @Test
    void offsetStart_isClampedToTheCommittedEnd_andReadsWhatComesAfter() throws Exception {
        service.createTopic("clamped", 1, Map.of());
        appendBatch("clamped", 0, 3, 100);
        LogPartitionReader reader = LogPartitionReader.open(service, "clamped", 0, StartPosition.offset(1_000));

        assertThat(reader.next(10, NO_WAIT).isEmpty()).isTrue();
        appendBatch("clamped", 0, 1, 100);
        assertThat(reader.next(10, Duration.ofSeconds(10)).offsets()).containsExactly(3);
    }

    @Test
    void positionDeletedByRetention_jumpsToTheLogStart() throws Exception {
        service.createTopic("retained", 1, Map.of("segment-bytes", "4KiB"));
        for (int i = 0; i < 20; i++) {
            appendBatch("retained", i, 1, 1_000);
        }
        LogPartitionReader reader = LogPartitionReader.open(service, "retained", 0, StartPosition.earliest());

        service.alterTopic("retained", Map.of("retention-bytes", "1B")); // deletes every closed segment at once
        long logStart = service.state("retained", 0).logStartOffset();
        assertThat(logStart).isPositive();
        Fetched fetched = reader.next(100, NO_WAIT);
        if (fetched.isEmpty()) { // the read below the log start only moved the position
            fetched = reader.next(100, NO_WAIT);
        }

        assertThat(fetched.offsets()[0]).isEqualTo(logStart);
        assertThat(fetched.offsets()[fetched.count() - 1]).isEqualTo(19);
    }

    /** One batch of {@code count} events with data {@code first}, {@code first + 1}, ..., each about {@code bytes} large. */
    private void appendBatch(String topic, int first, int count, int bytes) {
        BatchBuilder builder = BatchBuilder.create();
        for (int i = first; i < first + count; i++) {
            builder.add(EventRecords.toRecord(Event.builder("tick").extension("padding", "x".repeat(bytes))
                    .data(String.valueOf(i).getBytes(StandardCharsets.UTF_8)).build()));
        }
        service.append(topic, 0, builder.build(), AckLevel.COMMITTED, Duration.ofSeconds(10)).join();
    }
}
