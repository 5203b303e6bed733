package io.tributary.log;

import static io.tributary.log.TestBatches.idempotent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotentAppendTest {

    private static final long PRODUCER = 7;
    private static final short EPOCH = 0;

    @TempDir
    Path dir;

    private PartitionLog log;

    private PartitionLog open() {
        log = PartitionLog.open(dir, LogConfig.defaults());
        return log;
    }

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
    }

    @Test
    void retriedBatch_returnsTheOriginalOffsetsAndWritesNothing() {
        open();
        AppendResult first = log.append(idempotent(PRODUCER, EPOCH, 0, "a", "b")).join();

        AppendResult retry = log.append(idempotent(PRODUCER, EPOCH, 0, "a", "b")).join();

        assertThat(retry).isEqualTo(new AppendResult(first.baseOffset(), first.lastOffset(), true));
        assertThat(LogContents.values(log)).containsExactly("a", "b");
    }

    @Test
    void retryOfAnyOfTheLastFiveBatches_isRecognised() {
        open();
        for (int i = 0; i < 5; i++) {
            log.append(idempotent(PRODUCER, EPOCH, i, "v" + i)).join();
        }

        AppendResult retry = log.append(idempotent(PRODUCER, EPOCH, 0, "v0")).join();

        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.baseOffset()).isZero();
    }

    @Test
    void sequenceGap_isAnOutOfOrderSequenceError() {
        open();
        log.append(idempotent(PRODUCER, EPOCH, 0, "a")).join();

        assertThatThrownBy(() -> log.append(idempotent(PRODUCER, EPOCH, 5, "f")).join())
                .hasCauseInstanceOf(OutOfOrderSequenceException.class)
                .hasMessageContaining("expected 1");
        assertThat(log.endOffset()).isEqualTo(1);
    }

    @Test
    void retryOlderThanTheRememberedBatches_isAnOutOfOrderSequenceError() {
        open();
        for (int i = 0; i < 7; i++) {
            log.append(idempotent(PRODUCER, EPOCH, i, "v" + i)).join();
        }

        assertThatThrownBy(() -> log.append(idempotent(PRODUCER, EPOCH, 0, "v0")).join())
                .hasCauseInstanceOf(OutOfOrderSequenceException.class)
                .hasMessageContaining("older than the last 5 batches");
    }

    @Test
    void olderEpoch_isFenced() {
        open();
        log.append(idempotent(PRODUCER, (short) 3, 0, "new owner")).join();

        assertThatThrownBy(() -> log.append(idempotent(PRODUCER, (short) 2, 1, "zombie")).join())
                .hasCauseInstanceOf(ProducerFencedException.class);
    }

    @Test
    void newEpoch_startsAtSequenceZero() {
        open();
        log.append(idempotent(PRODUCER, (short) 1, 0, "a")).join();

        assertThat(log.append(idempotent(PRODUCER, (short) 2, 0, "b")).join().baseOffset()).isEqualTo(1);
        assertThatThrownBy(() -> log.append(idempotent(PRODUCER, (short) 3, 4, "c")).join())
                .hasCauseInstanceOf(OutOfOrderSequenceException.class)
                .hasMessageContaining("a new epoch starts at sequence 0");
    }

    @Test
    void sequencesSurviveARestart() {
        open();
        AppendResult original = log.append(idempotent(PRODUCER, EPOCH, 0, "a", "b", "c")).join();
        log.close();

        open();
        AppendResult retry = log.append(idempotent(PRODUCER, EPOCH, 0, "a", "b", "c")).join();
        AppendResult next = log.append(idempotent(PRODUCER, EPOCH, 3, "d")).join();

        assertThat(retry).isEqualTo(new AppendResult(original.baseOffset(), original.lastOffset(), true));
        assertThat(next.baseOffset()).isEqualTo(3);
    }
}
