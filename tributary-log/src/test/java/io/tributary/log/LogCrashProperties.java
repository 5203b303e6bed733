package io.tributary.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.config.ByteSize;
import io.tributary.format.RecordBatch;
import io.tributary.log.storage.SimulatedCrashStorage;
import io.tributary.log.storage.SimulatedCrashStorage.Crash;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * Random sequences of append / roll / retention / close / simulated crash / reopen against the
 * crash-simulating storage, in {@code fsync} mode. After every step:
 *
 * <ul>
 *   <li>no record whose append completed is lost, unless retention deleted it (offsets below the log start);</li>
 *   <li>every record the log holds is one that was appended at that offset (nothing torn or corrupt is
 *       served), and offsets are dense and monotonic;</li>
 *   <li>a retried idempotent batch gets the offsets of the original.</li>
 * </ul>
 */
class LogCrashProperties {

    private static final Path DIR = Path.of("/sim/partition");
    private static final long PRODUCER = 99;

    sealed interface Step {
        record Append(int records, boolean waitForAck) implements Step { }
        record AppendIdempotent(int records) implements Step { }
        record RetryLastIdempotent() implements Step { }
        record Roll() implements Step { }
        record Retention() implements Step { }
        record Reopen() implements Step { }
        record CrashAndReopen(Crash crash, long seed) implements Step { }
    }

    /** The model: what the log must hold. */
    private final Map<Long, String> acked = new LinkedHashMap<>();
    private final Map<Long, String> attempted = new LinkedHashMap<>();
    private SimulatedCrashStorage storage;
    private PartitionLog log;
    private int sequence;
    private int counter;
    private RecordBatch lastIdempotent;
    private AppendResult lastIdempotentResult;

    @AfterTry
    void closeLog() {
        if (log != null) {
            log.close();
        }
    }

    @Property(tries = 300)
    void ackedRecordsSurviveAnySequenceOfCrashesAndRestarts(@ForAll("steps") List<Step> steps) {
        storage = new SimulatedCrashStorage();
        acked.clear();
        attempted.clear();
        sequence = 0;
        counter = 0;
        lastIdempotent = null;
        log = open();
        for (Step step : steps) {
            apply(step);
            checkInvariants();
        }
    }

    private PartitionLog open() {
        LogConfig config = LogConfig.defaults()
                .withSegmentBytes(ByteSize.ofBytes(2048))
                .withRetention(Duration.ZERO, ByteSize.ofBytes(6 * 1024))
                .withIndexIntervalBytes(ByteSize.ofBytes(128));
        return PartitionLog.builder(DIR).storage(storage).config(config).open();
    }

    private void apply(Step step) {
        switch (step) {
            case Step.Append append -> {
                String[] values = values(append.records());
                // Appends from this one thread get their offsets in call order.
                recordAttempt(log.endOffset(), values);
                CompletableFuture<AppendResult> future = log.append(TestBatches.of(values));
                if (append.waitForAck()) {
                    recordAck(future.join(), values);
                } else {
                    // Not waited for: it may or may not be durable when a crash comes.
                    future.thenAccept(result -> recordAck(result, values));
                }
            }
            case Step.AppendIdempotent append -> {
                String[] values = values(append.records());
                RecordBatch batch = TestBatches.idempotent(PRODUCER, (short) 0, sequence, values);
                lastIdempotent = TestBatches.copyOf(batch);
                recordAttempt(log.endOffset(), values);
                lastIdempotentResult = log.append(batch).join();
                sequence += values.length;
                recordAck(lastIdempotentResult, values);
            }
            case Step.RetryLastIdempotent retry -> {
                if (lastIdempotent != null && lastIdempotentResult.baseOffset() >= log.logStartOffset()) {
                    AppendResult again = log.append(TestBatches.copyOf(lastIdempotent)).join();
                    assertThat(again.baseOffset()).isEqualTo(lastIdempotentResult.baseOffset());
                    assertThat(again.lastOffset()).isEqualTo(lastIdempotentResult.lastOffset());
                    assertThat(again.duplicate()).isTrue();
                }
            }
            case Step.Roll roll -> log.roll();
            case Step.Retention retention -> log.enforceRetention();
            case Step.Reopen reopen -> {
                log.close();
                log = open();
            }
            case Step.CrashAndReopen crash -> {
                storage.crash(crash.crash(), new Random(crash.seed()));
                abandon(log);
                log = open();
                synchronized (this) {
                    // Unacked appends that did not survive: their offsets are given out again.
                    long end = log.endOffset();
                    attempted.keySet().removeIf(offset -> offset >= end);
                    acked.keySet().forEach(offset -> assertThat(offset).as("acked offset lost").isLessThan(end));
                }
            }
        }
    }

    private synchronized void recordAck(AppendResult result, String[] values) {
        for (int i = 0; i < values.length; i++) {
            acked.put(result.baseOffset() + i, values[i]);
        }
    }

    private synchronized void recordAttempt(long baseOffset, String[] values) {
        for (int i = 0; i < values.length; i++) {
            attempted.put(baseOffset + i, values[i]);
        }
    }

    private void checkInvariants() {
        awaitPendingAppends();
        Map<Long, String> contents = LogContents.read(log);
        long start = log.logStartOffset();
        synchronized (this) {
            for (Map.Entry<Long, String> entry : acked.entrySet()) {
                if (entry.getKey() >= start) {
                    assertThat(contents).as("acked offset %d", entry.getKey())
                            .containsEntry(entry.getKey(), entry.getValue());
                }
            }
            for (Map.Entry<Long, String> entry : contents.entrySet()) {
                assertThat(entry.getValue()).as("offset %d holds what was appended there")
                        .isEqualTo(attempted.get(entry.getKey()));
            }
        }
        assertThat(contents.keySet()).as("dense from the log start to the end")
                .containsExactlyElementsOf(java.util.stream.LongStream.range(start, log.endOffset()).boxed().toList());
    }

    /** Appends not waited for commit within one fsync; wait for them so the check sees a settled log. */
    private void awaitPendingAppends() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.committedEndOffset() < log.endOffset() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }

    private String[] values(int count) {
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            values[i] = "value-" + counter++ + "-" + "x".repeat(counter % 50);
        }
        return values;
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> append = Arbitraries.integers().between(1, 8).flatMap(n ->
                Arbitraries.of(true, false).map(wait -> new Step.Append(n, wait)));
        Arbitrary<Step> idempotent = Arbitraries.integers().between(1, 4).map(Step.AppendIdempotent::new);
        Arbitrary<Step> crash = Arbitraries.of(Crash.class).flatMap(mode ->
                Arbitraries.longs().map(seed -> new Step.CrashAndReopen(mode, seed)));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, append),
                net.jqwik.api.Tuple.of(4, idempotent),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Step.RetryLastIdempotent())),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Step.Roll())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Step.Retention())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Step.Reopen())),
                net.jqwik.api.Tuple.of(2, crash));
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    /** The process died with the machine: its log can only be let go (closing it fails on dead files). */
    private static void abandon(PartitionLog crashed) {
        try {
            crashed.close();
        } catch (LogException expected) {
            // the files it had open are gone
        }
    }
}
