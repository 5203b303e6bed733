package io.tributary.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.StartPosition;
import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.api.TributaryException;
import io.tributary.client.BrokerErrorException;
import io.tributary.event.Event;
import io.tributary.event.EventRecords;
import io.tributary.internal.Fetched;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link RemotePartitionReader} does beyond reading: positions, retention, skipping, interrupts. */
class RemotePartitionReaderTest {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private final StubClient client = new StubClient("orders");

    private void publish(int sequence, Instant time) {
        client.records.add(EventRecords.toRecord(Event.builder("tick").time(time)
                .data(Integer.toString(sequence).getBytes(StandardCharsets.UTF_8)).build()));
    }

    private void publishAll(int count) {
        for (int i = 0; i < count; i++) {
            publish(i, BASE.plusSeconds(i));
        }
    }

    private static List<Integer> sequences(Fetched fetched) {
        return Arrays.stream(fetched.events(), 0, fetched.count())
                .map(event -> Integer.parseInt(new String(event.data(), StandardCharsets.UTF_8))).toList();
    }

    private RemotePartitionReader reader(StartPosition start) {
        return RemotePartitionReader.open(client, "orders", 0, start);
    }

    @Test
    void startPositions_earliestIsTheLogStart_latestTheEnd_offsetsAreClamped() throws Exception {
        publishAll(10);
        client.logStart = 3;

        assertThat(reader(StartPosition.earliest()).next(100, NO_WAIT).offsets()).startsWith(3);
        assertThat(reader(StartPosition.latest()).next(100, NO_WAIT)).isEqualTo(Fetched.none(10));
        assertThat(reader(StartPosition.offset(1)).next(100, NO_WAIT).offsets()).startsWith(3);
        assertThat(reader(StartPosition.offset(7)).next(100, NO_WAIT).offsets()).containsExactly(7, 8, 9);
        assertThat(reader(StartPosition.offset(99)).next(100, NO_WAIT).nextOffset()).isEqualTo(10);
    }

    @Test
    void startTime_scansForTheFirstEventAtOrAfterIt_thenDeliversEverythingThatFollows() throws Exception {
        publish(0, BASE);
        publish(1, BASE.plusSeconds(5));
        publish(2, BASE.plusSeconds(1)); // older than the start time, but after the first event at or after it
        publish(3, BASE.plusSeconds(6));
        RemotePartitionReader reader = reader(StartPosition.time(BASE.plusSeconds(5)));
        publish(4, BASE); // published after the reader opened: delivered whatever its time

        Fetched fetched = reader.next(100, NO_WAIT);

        assertThat(sequences(fetched)).containsExactly(1, 2, 3, 4);
        assertThat(fetched.offsets()).startsWith(1, 2, 3, 4);
    }

    @Test
    void startTime_afterEveryEvent_startsAtTheEndOfWhenTheReaderOpened() throws Exception {
        publishAll(3);
        RemotePartitionReader reader = reader(StartPosition.time(BASE.plusSeconds(60)));
        publish(3, BASE);

        assertThat(sequences(reader.next(100, NO_WAIT))).containsExactly(3);
    }

    @Test
    void readBelowTheLogStart_movesOnToTheLogStart() throws Exception {
        publishAll(10);
        RemotePartitionReader reader = reader(StartPosition.earliest());
        client.logStart = 6; // retention deleted 0 to 5 before the subscription read them

        assertThat(reader.next(100, NO_WAIT)).isEqualTo(Fetched.none(6));
        assertThat(sequences(reader.next(100, NO_WAIT))).containsExactly(6, 7, 8, 9);
    }

    @Test
    void recordsThatAreNotEvents_areSkipped_andTheOffsetMovesPastThem() throws Exception {
        publish(0, BASE);
        client.records.add(Record.of("plain".getBytes(StandardCharsets.UTF_8), 0));
        Record broken = EventRecords.toRecord(Event.builder("tick").build());
        client.records.add(new Record(null, broken.headers().stream()
                .map(h -> h.name().equals("ce_time") ? new Header("ce_time",
                        "yesterday".getBytes(StandardCharsets.UTF_8)) : h).toList(), new byte[0], 0));
        RemotePartitionReader reader = reader(StartPosition.earliest());

        Fetched fetched = reader.next(100, NO_WAIT);

        assertThat(sequences(fetched)).containsExactly(0);
        assertThat(fetched.nextOffset()).isEqualTo(3);
        assertThat(reader.next(100, NO_WAIT)).isEqualTo(Fetched.none(3));
    }

    @Test
    void everyBatch_comesInArraysOfItsOwn() throws Exception {
        publishAll(4);
        RemotePartitionReader reader = reader(StartPosition.earliest());

        Fetched first = reader.next(2, NO_WAIT);
        Fetched second = reader.next(2, NO_WAIT);

        assertThat(sequences(first)).containsExactly(0, 1);
        assertThat(sequences(second)).containsExactly(2, 3);
        assertThat(first.events()).isNotSameAs(second.events());
        assertThat(first.offsets()).isNotSameAs(second.offsets());
    }

    @Test
    void interruptedRead_throwsInterruptedException_withTheFlagCleared() {
        RemotePartitionReader reader = reader(StartPosition.earliest());
        client.onRead = () -> { // what the client does when its wait for the answer is interrupted
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while waiting for an answer", new InterruptedException());
        };

        assertThatThrownBy(() -> reader.next(100, Duration.ofSeconds(1))).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void refusedLongPoll_propagates_soThatTheFeedPauses() {
        RemotePartitionReader reader = reader(StartPosition.earliest());
        client.onRead = () -> {
            throw new BrokerErrorException("TOO_MANY_WAITING_READS", true, "the partition has as many long polls"
                    + " waiting as tributary.log.max-read-waiters allows");
        };

        assertThatThrownBy(() -> reader.next(100, Duration.ofSeconds(1))).isInstanceOf(BrokerErrorException.class)
                .extracting(e -> ((BrokerErrorException) e).retriable()).isEqualTo(true);
    }
}
