package io.tributary.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.Record;
import io.tributary.client.RunningBroker;
import io.tributary.format.BatchBuilder;
import io.tributary.format.RecordBatch;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.ProduceResponse;
import io.tributary.protocol.wire.ProtocolLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the producer's retries rely on: the same encoded batch, sent again with the same producer id,
 * epoch and sequence numbers, is answered with the offsets of the first copy and not written twice.
 */
class IdempotentAppendTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path data;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private RunningBroker broker;
    private NodeConnection connection;

    @BeforeEach
    void start() {
        broker = RunningBroker.start(data);
        connection = NodeConnection.open(broker.node(), new ConnectionSettings(TIMEOUT, 16, "test",
                ProtocolLimits.DEFAULT, Thread.ofVirtual().factory()), timer, Deadline.after(TIMEOUT, Ticker.system()));
    }

    @AfterEach
    void stop() {
        connection.close();
        broker.close();
        timer.shutdownNow();
    }

    @Test
    void sameBatchSentTwice_getsTheOriginalOffsets_andIsStoredOnce() {
        append(batch(0, "earlier"));
        RecordBatch retried = batch(1, "a", "b", "c");

        ProduceResponse.PartitionResult first = append(retried);
        ProduceResponse.PartitionResult second = append(retried);

        assertThat(first.errorCode()).isEqualTo(ErrorCode.NONE);
        assertThat(second.errorCode()).isEqualTo(ErrorCode.NONE);
        assertThat(second.baseOffset()).isEqualTo(first.baseOffset()).isEqualTo(1);
        assertThat(second.lastOffset()).isEqualTo(first.lastOffset()).isEqualTo(3);
        assertThat(append(batch(4, "next")).baseOffset()).as("the log did not grow by the retry").isEqualTo(4);
    }

    @Test
    void batchThatSkipsSequenceNumbers_isRefusedAsOutOfOrder() {
        append(batch(0, "first"));

        ProduceResponse.PartitionResult gap = append(batch(5, "after a gap"));

        assertThat(gap.errorCode()).isEqualTo(ErrorCode.OUT_OF_ORDER_SEQUENCE);
    }

    private ProduceResponse.PartitionResult append(RecordBatch batch) {
        ProduceRequest request = new ProduceRequest(true, 5_000, List.of(new ProduceRequest.TopicData("payments",
                List.of(new ProduceRequest.PartitionData(0, batch)))));
        ProduceResponse response = (ProduceResponse) ClusterRouter.await(connection.call(request, TIMEOUT),
                Deadline.after(TIMEOUT, Ticker.system()));
        return response.topics().getFirst().partitions().getFirst();
    }

    private static RecordBatch batch(int baseSequence, String... values) {
        BatchBuilder builder = BatchBuilder.create().producer(42L, (short) 0, baseSequence);
        for (String value : values) {
            builder.add(Record.of(value.getBytes(StandardCharsets.UTF_8), 1L));
        }
        return builder.build();
    }
}
