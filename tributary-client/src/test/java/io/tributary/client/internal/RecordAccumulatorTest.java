package io.tributary.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.api.KeyPartitioner;
import io.tributary.api.Record;
import io.tributary.api.TributaryException;
import io.tributary.api.config.ByteSize;
import io.tributary.client.BatcherClosedException;
import io.tributary.client.BrokerErrorException;
import io.tributary.client.ConnectionLostException;
import io.tributary.client.ProducerOptions;
import io.tributary.client.SendResult;
import io.tributary.client.TimedOutException;
import io.tributary.format.BatchHeader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The producer's batching rules, driven by hand: time is a fake ticker, "sending" is taking the
 * batches {@code pollWork} hands out, and answers are given with {@code complete}.
 */
class RecordAccumulatorTest {

    private static final long PRODUCER_ID = 77;
    private static final Duration LINGER = Duration.ofMillis(5);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger partitions = new AtomicInteger(1);
    private ProducerOptions options = ProducerOptions.defaults().withLinger(LINGER)
            .withRetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    private BufferBudget budget;
    private RecordAccumulator accumulator;

    @Test
    void aBatchWaitsForLinger_thenLeavesWithEveryRecordThatArrivedMeanwhile() {
        start();
        CompletableFuture<SendResult<Void>> first = append("a");
        advance(Duration.ofMillis(2));
        append("b");

        assertThat(poll().batches()).isEmpty();
        advance(Duration.ofMillis(3));

        List<ProducerBatch> sent = poll().batches();
        assertThat(sent).singleElement().satisfies(batch -> assertThat(values(batch)).containsExactly("a", "b"));
        assertThat(first).isNotDone();
    }

    @Test
    void aFullBatch_leavesAtOnce_andTheNextRecordStartsANewOne() {
        options = options.withBatchBytes(ByteSize.ofBytes(64));
        start();
        append("0123456789012345678901234567890123456789");
        append("another record that does not fit");

        List<ProducerBatch> sent = poll().batches();

        assertThat(sent).singleElement().satisfies(batch -> assertThat(batch.recordCount()).isEqualTo(1));
    }

    @Test
    void batchesCarryTheProducerIdAndConsecutiveSequenceNumbers() {
        options = options.withBatchBytes(ByteSize.ofBytes(64));
        start();
        append("0123456789012345678901234567890123456789");
        append("0123456789012345678901234567890123456789");
        append("0123456789012345678901234567890123456789");

        List<ProducerBatch> sent = pollAfterLinger().batches();

        assertThat(sent).extracting(batch -> batch.bytes().header().baseSequence()).containsExactly(0, 1, 2);
        assertThat(sent).allSatisfy(batch -> {
            assertThat(batch.bytes().header().producerId()).isEqualTo(PRODUCER_ID);
            assertThat(batch.bytes().header().producerEpoch()).isZero();
        });
    }

    @Test
    void inFlightBatches_ofOnePartition_areBoundedByTheWindow() {
        options = options.withBatchBytes(ByteSize.ofBytes(64)).withMaxInFlightBatches(2);
        start();
        for (int i = 0; i < 5; i++) {
            append("0123456789012345678901234567890123456789");
        }

        List<ProducerBatch> firstTwo = pollAfterLinger().batches();
        assertThat(firstTwo).hasSize(2);
        assertThat(poll().batches()).isEmpty();
        accumulator.complete(firstTwo.getFirst(), acked(0));

        assertThat(poll().batches()).hasSize(1);
    }

    @Test
    void aNewBatchWaits_whileTheBatchesFromTheOldestUnacknowledgedOneFillTheWindow_soRetriesStayRecognisable() {
        options = options.withBatchBytes(ByteSize.ofBytes(64)).withMaxInFlightBatches(2);
        start();
        append("0123456789012345678901234567890123456789");
        append("0123456789012345678901234567890123456789");
        List<ProducerBatch> sent = pollAfterLinger().batches();
        accumulator.complete(sent.get(0), lost());
        accumulator.complete(sent.get(1), acked(1));
        append("0123456789012345678901234567890123456789");
        advance(Duration.ofSeconds(1));

        List<ProducerBatch> next = poll().batches();
        assertThat(next).as("only the retry: the log must still remember it next to the acknowledged one")
                .containsExactly(sent.get(0));
        accumulator.complete(sent.get(0), acked(0));

        assertThat(poll().batches()).singleElement()
                .satisfies(batch -> assertThat(batch.bytes().header().baseSequence()).isEqualTo(2));
    }

    @Test
    void acknowledgedRecords_getConsecutiveOffsets_andGiveBackTheirBufferBytes() {
        start();
        CompletableFuture<SendResult<Void>> a = append("a");
        CompletableFuture<SendResult<Void>> b = append("b");
        ProducerBatch batch = pollAfterLinger().batches().getFirst();

        accumulator.complete(batch, acked(40));
        runCompletions();

        assertThat(a.join().offset()).isEqualTo(40);
        assertThat(b.join().offset()).isEqualTo(41);
        assertThat(budget.used()).isZero();
    }

    @Test
    void aLostAnswer_isRetriedAfterTheBackoff_withTheSameBytes_beforeAnyNewerBatch() {
        options = options.withBatchBytes(ByteSize.ofBytes(64));
        start();
        append("0123456789012345678901234567890123456789");
        append("0123456789012345678901234567890123456789");
        List<ProducerBatch> sent = pollAfterLinger().batches();
        ProducerBatch first = sent.get(0);
        ProducerBatch second = sent.get(1);
        var firstBytes = first.bytes().buffer();

        accumulator.complete(first, lost());
        accumulator.complete(second, lost());
        append("0123456789012345678901234567890123456789"); // newer, must wait
        assertThat(pollAfterLinger().batches()).isEmpty();
        advance(Duration.ofMillis(100));

        List<ProducerBatch> resent = poll().batches();
        assertThat(resent).hasSize(3).startsWith(first, second);
        assertThat(resent.get(0).bytes().buffer()).isEqualTo(firstBytes);
        assertThat(resent).extracting(batch -> batch.bytes().header().baseSequence()).containsExactly(0, 1, 2);
    }

    @Test
    void afterAFailure_nothingNewIsSent_untilTheBatchesInFlightHaveAnswered() {
        options = options.withBatchBytes(ByteSize.ofBytes(64));
        start();
        append("0123456789012345678901234567890123456789");
        append("0123456789012345678901234567890123456789");
        List<ProducerBatch> sent = pollAfterLinger().batches();

        accumulator.complete(sent.get(0), notLeader());
        advance(Duration.ofSeconds(1));
        assertThat(poll().batches()).as("the second batch is still in flight").isEmpty();
        accumulator.complete(sent.get(1), outOfOrder());

        assertThat(poll().batches()).containsExactly(sent.get(0), sent.get(1));
        assertThat(sent.get(1).bytes().header().baseSequence()).as("an out-of-order refusal after an earlier failure"
                + " keeps its sequence").isEqualTo(1);
    }

    @Test
    void aBatchDroppedForGood_startsANewEpoch_andTheBatchesAfterItAreRenumberedFromZero() {
        options = options.withBatchBytes(ByteSize.ofBytes(64));
        start();
        CompletableFuture<SendResult<Void>> doomed = append("0123456789012345678901234567890123456789");
        append("0123456789012345678901234567890123456789");
        List<ProducerBatch> sent = pollAfterLinger().batches();

        accumulator.complete(sent.get(0), fatal());
        accumulator.complete(sent.get(1), outOfOrder());
        advance(Duration.ofSeconds(1));
        RecordAccumulator.Work work = poll();
        work.completions().forEach(Runnable::run);

        assertThat(doomed).isCompletedExceptionally();
        assertThat(work.batches()).singleElement().satisfies(batch -> {
            BatchHeader header = batch.bytes().header();
            assertThat(header.producerEpoch()).isEqualTo((short) 1);
            assertThat(header.baseSequence()).isZero();
        });
    }

    @Test
    void aBatchTooLargeForTheNode_goesAgainAsSingleRecords_withTheSameSequenceNumbers() {
        start();
        append("a");
        append("b");
        append("c");
        ProducerBatch batch = pollAfterLinger().batches().getFirst();

        accumulator.complete(batch, new SendOutcome.Failed(new TributaryException("too large"),
                SendOutcome.Kind.TOO_LARGE, false));

        assertThat(poll().batches()).extracting(b -> b.bytes().header().baseSequence(), ProducerBatch::recordCount)
                .containsExactly(tuple(0, 1), tuple(1, 1),
                        tuple(2, 1));
    }

    @Test
    void aRecordNotAcknowledgedWithinTheDeliveryTimeout_failsWithTimedOut_namingTheSetting() {
        options = options.withDeliveryTimeout(Duration.ofSeconds(2));
        start();
        CompletableFuture<SendResult<Void>> record = append("a");
        ProducerBatch batch = pollAfterLinger().batches().getFirst();
        accumulator.complete(batch, notLeader());
        advance(Duration.ofSeconds(3));

        runCompletions();

        assertThat(record).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(TimedOutException.class)
                .withMessageContaining("tributary.producer.delivery-timeout = PT2S")
                .withMessageContaining("after 1 attempts");
    }

    @Test
    void retriesAreBoundedByTheRetryCount() {
        options = options.withRetries(1);
        start();
        CompletableFuture<SendResult<Void>> record = append("a");
        ProducerBatch batch = pollAfterLinger().batches().getFirst();
        accumulator.complete(batch, notLeader());
        advance(Duration.ofSeconds(1));
        accumulator.complete(poll().batches().getFirst(), notLeader());

        runCompletions();

        assertThat(record).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(BrokerErrorException.class);
    }

    @Test
    void close_sendsWhatIsBufferedAtOnce_andFailsWhatIsLeftAtTheDeadline() {
        start();
        CompletableFuture<SendResult<Void>> record = append("a");

        accumulator.close(now.get() + Duration.ofSeconds(1).toNanos());
        ProducerBatch batch = poll().batches().getFirst(); // no linger while closing
        accumulator.complete(batch, lost());
        advance(Duration.ofSeconds(1));
        RecordAccumulator.Work last = poll();
        last.completions().forEach(Runnable::run);

        assertThat(record).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(BatcherClosedException.class);
        assertThat(last.terminate()).isTrue();
    }

    @Test
    void keylessRecords_stayOnOnePartitionUntilItsBatchLeaves_thenMoveOn() {
        partitions.set(3);
        start();
        append("a");
        append("b");
        List<ProducerBatch> first = pollAfterLinger().batches();
        append("c");
        List<ProducerBatch> second = pollAfterLinger().batches();

        assertThat(first).singleElement().satisfies(batch -> assertThat(batch.recordCount()).isEqualTo(2));
        assertThat(second).singleElement().satisfies(batch ->
                assertThat(batch.partition).isNotEqualTo(first.getFirst().partition));
    }

    @Test
    void keyedRecords_goToTheirKeysPartition() {
        partitions.set(8);
        start();
        byte[] key = "customer-19".getBytes(StandardCharsets.UTF_8);
        accumulator.append(new PendingRecord<>(Record.of(key, new byte[1], 1L), null, deadline()));

        assertThat(pollAfterLinger().batches()).singleElement()
                .satisfies(batch -> assertThat(batch.partition).isEqualTo(KeyPartitioner.partition(key, 8)));
    }

    @Test
    void aTopicsFirstRecordWhoseAnswerWasLost_failsAlone_becauseResendingItCouldWriteItTwice() {
        partitions.set(0); // the topic is not known yet: the first record goes alone, without a sequence
        start();
        CompletableFuture<SendResult<Void>> first = append("first");
        CompletableFuture<SendResult<Void>> second = append("second");
        RecordAccumulator.Work work = poll();
        assertThat(work.bootstrap()).isNotNull();

        accumulator.bootstrapDone(work.bootstrap(), new SendOutcome.Failed(
                new ConnectionLostException("the connection closed"), SendOutcome.Kind.UNKNOWN, true));
        runCompletions();

        assertThat(first).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(ConnectionLostException.class);
        assertThat(second).isNotDone();
    }

    // ---- fixture ----

    private void start() {
        budget = new BufferBudget(options.bufferBytes().bytes(), options.whenFull(), options.maxBlock());
        accumulator = new RecordAccumulator("orders", options, PRODUCER_ID, now::get,
                new Backoff(options.retryBackoff(), options.retryBackoffMax(), () -> 1.0), partitions::get,
                new RecordPartitioner(), budget);
    }

    private CompletableFuture<SendResult<Void>> append(String value) {
        PendingRecord<Void> record = new PendingRecord<>(Record.of(value.getBytes(StandardCharsets.UTF_8), 1L), null,
                deadline());
        budget.reserve(record.bytes);
        accumulator.append(record);
        return record.future;
    }

    private long deadline() {
        return now.get() + options.deliveryTimeout().toNanos();
    }

    private RecordAccumulator.Work poll() {
        return accumulator.pollWork();
    }

    private RecordAccumulator.Work pollAfterLinger() {
        advance(LINGER);
        return poll();
    }

    private void runCompletions() {
        poll().completions().forEach(Runnable::run);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private static List<String> values(ProducerBatch batch) {
        List<String> values = new ArrayList<>();
        batch.bytes().records().forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
        return values;
    }

    private static SendOutcome acked(long baseOffset) {
        return new SendOutcome.Acked(0, baseOffset);
    }

    private static SendOutcome lost() {
        return new SendOutcome.Failed(new ConnectionLostException("lost"), SendOutcome.Kind.UNKNOWN, true);
    }

    private static SendOutcome notLeader() {
        return new SendOutcome.Failed(new BrokerErrorException("NOT_LEADER", true, "moved"), SendOutcome.Kind.NOT_WRITTEN,
                true);
    }

    private static SendOutcome outOfOrder() {
        return new SendOutcome.Failed(new BrokerErrorException("OUT_OF_ORDER_SEQUENCE", false, "gap"),
                SendOutcome.Kind.OUT_OF_ORDER, false);
    }

    private static SendOutcome fatal() {
        return new SendOutcome.Failed(new BrokerErrorException("INVALID_REQUEST", false, "no"), SendOutcome.Kind.FATAL,
                false);
    }
}
