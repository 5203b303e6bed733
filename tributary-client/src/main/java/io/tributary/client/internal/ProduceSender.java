package io.tributary.client.internal;

import io.tributary.api.TopicNotFoundException;
import io.tributary.api.TributaryException;
import io.tributary.client.BrokerErrorException;
import io.tributary.client.ConnectionLostException;
import io.tributary.client.NoNodesAvailableException;
import io.tributary.client.NodeAddress;
import io.tributary.client.RecordTooLargeException;
import io.tributary.client.TimedOutException;
import io.tributary.format.BatchBuilder;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.ProduceResponse;
import io.tributary.protocol.message.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's one sender thread: takes work from the {@link RecordAccumulator}, sends each ready
 * batch to its partition's leader as one pipelined request, refreshes metadata when a leader may have
 * moved, and completes records' futures. It never waits for an answer: answers arrive on the
 * connection's reader thread, which only hands them to the accumulator.
 */
final class ProduceSender implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ProduceSender.class);

    private final String topic;
    private final RecordAccumulator accumulator;
    private final ClusterRouter router;
    private final Duration callTimeout;
    private final boolean waitForCommit;

    ProduceSender(String topic, RecordAccumulator accumulator, ClusterRouter router, Duration callTimeout,
            boolean waitForCommit) {
        this.topic = topic;
        this.accumulator = accumulator;
        this.router = router;
        this.callTimeout = callTimeout;
        this.waitForCommit = waitForCommit;
    }

    @Override
    public void run() {
        while (true) {
            RecordAccumulator.Work work;
            try {
                work = accumulator.awaitWork();
            } catch (InterruptedException e) {
                LOG.warn("the sender of the producer for {} was interrupted; unsent records stay unacknowledged", topic);
                return;
            }
            for (Runnable completion : work.completions()) {
                runCompletion(completion);
            }
            if (work.terminate()) {
                return;
            }
            if (work.refreshMetadata()) {
                refreshMetadata();
            }
            if (work.bootstrap() != null) {
                bootstrap(work.bootstrap());
            }
            for (ProducerBatch batch : work.batches()) {
                send(batch);
            }
        }
    }

    private void send(ProducerBatch batch) {
        Optional<NodeAddress> leader = router.view().leader(topic, batch.partition);
        if (leader.isEmpty()) {
            accumulator.complete(batch, new SendOutcome.Failed(new BrokerErrorException(ErrorCode.NOT_LEADER.name(), true,
                    "no leader is known for " + topic + "-" + batch.partition), SendOutcome.Kind.NOT_WRITTEN, true));
            return;
        }
        NodeConnection connection;
        try {
            connection = router.pool().connection(leader.get(), router.newDeadline());
        } catch (UnreachableNodeException e) {
            accumulator.complete(batch, new SendOutcome.Failed(new NoNodesAvailableException("the leader of " + topic + "-"
                    + batch.partition + " cannot be reached: " + e.getMessage(), List.of(e.node())),
                    SendOutcome.Kind.NOT_WRITTEN, true));
            return;
        } catch (TributaryException e) {
            accumulator.complete(batch, new SendOutcome.Failed(e, SendOutcome.Kind.NOT_WRITTEN, true));
            return;
        }
        ProduceRequest request = new ProduceRequest(waitForCommit, commitTimeoutMs(), List.of(new ProduceRequest.TopicData(
                topic, List.of(new ProduceRequest.PartitionData(batch.partition, batch.bytes())))));
        connection.call(request, callTimeout).whenComplete((response, error) ->
                accumulator.complete(batch, classify(batch, response, error)));
    }

    /** Sends a topic's first record alone with ANY_PARTITION, so that a broker that auto-creates topics does. */
    private void bootstrap(PendingRecord<?> record) {
        SendOutcome outcome;
        try {
            ProduceRequest request = new ProduceRequest(waitForCommit, commitTimeoutMs(), List.of(
                    new ProduceRequest.TopicData(topic, List.of(new ProduceRequest.PartitionData(
                            ProduceRequest.ANY_PARTITION, BatchBuilder.create().add(record.record).build())))));
            // Not idempotent: the batch has no sequence, so a node that lost the answer may have written it.
            ProduceResponse response = (ProduceResponse) router.callAny(request, router.newDeadline(), false);
            outcome = outcome(response.topics().getFirst().partitions().getFirst(), 1);
            if (outcome instanceof SendOutcome.Acked) {
                router.refresh(List.of(topic), router.newDeadline());
            }
        } catch (TopicNotFoundException e) {
            outcome = new SendOutcome.Failed(e, SendOutcome.Kind.FATAL, false);
        } catch (ConnectionLostException | TimedOutException e) {
            outcome = new SendOutcome.Failed(e, SendOutcome.Kind.UNKNOWN, true);
        } catch (TributaryException e) {
            outcome = new SendOutcome.Failed(e, SendOutcome.Kind.NOT_WRITTEN, true);
        }
        if (outcome instanceof SendOutcome.Failed failed && failed.kind() != SendOutcome.Kind.FATAL) {
            LOG.debug("first record of {} not sent yet: {}", topic, failed.error().getMessage());
        }
        accumulator.bootstrapDone(record, outcome);
    }

    private void refreshMetadata() {
        try {
            router.refresh(List.of(topic), router.newDeadline());
            accumulator.metadataRefreshed(true);
        } catch (TributaryException e) {
            LOG.debug("refreshing the metadata of {} failed: {}", topic, e.getMessage());
            accumulator.metadataRefreshed(false);
        }
    }

    private SendOutcome classify(ProducerBatch batch, @Nullable Response response, @Nullable Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            return switch (cause) {
                case ConnectionLostException e -> new SendOutcome.Failed(e, SendOutcome.Kind.UNKNOWN, true);
                case TimedOutException e -> new SendOutcome.Failed(e, SendOutcome.Kind.UNKNOWN, true);
                case RecordTooLargeException e -> new SendOutcome.Failed(e, SendOutcome.Kind.TOO_LARGE, false);
                case BrokerErrorException e when e.retriable() ->
                        new SendOutcome.Failed(e, SendOutcome.Kind.NOT_WRITTEN, false);
                case TributaryException e -> new SendOutcome.Failed(e, SendOutcome.Kind.FATAL, false);
                default -> new SendOutcome.Failed(new TributaryException("sending " + batch + " of " + topic
                        + " failed unexpectedly: " + cause, cause), SendOutcome.Kind.FATAL, false);
            };
        }
        ProduceResponse produce = (ProduceResponse) response;
        return outcome(produce.topics().getFirst().partitions().getFirst(), batch.recordCount());
    }

    private SendOutcome outcome(ProduceResponse.PartitionResult result, int recordCount) {
        ErrorCode code = result.errorCode();
        if (code == ErrorCode.NONE) {
            if (result.lastOffset() - result.baseOffset() + 1 != recordCount) {
                return new SendOutcome.Failed(new TributaryException("the node acknowledged " + recordCount + " records of "
                        + topic + "-" + result.partition() + " at offsets " + result.baseOffset() + " … "
                        + result.lastOffset() + ", which is not that many"), SendOutcome.Kind.FATAL, false);
            }
            return new SendOutcome.Acked(result.partition(), result.baseOffset());
        }
        TributaryException error = BrokerErrors.exception(code, result.errorMessage(), "send to " + topic + "-"
                + result.partition());
        return switch (code) {
            case OUT_OF_ORDER_SEQUENCE -> new SendOutcome.Failed(error, SendOutcome.Kind.OUT_OF_ORDER, false);
            case RECORD_TOO_LARGE -> new SendOutcome.Failed(error, SendOutcome.Kind.TOO_LARGE, false);
            case TIMED_OUT -> new SendOutcome.Failed(error, SendOutcome.Kind.UNKNOWN, false); // written, not yet committed
            case NOT_LEADER -> new SendOutcome.Failed(error, SendOutcome.Kind.NOT_WRITTEN, true);
            default -> new SendOutcome.Failed(error, code.retriable() ? SendOutcome.Kind.NOT_WRITTEN
                    : SendOutcome.Kind.FATAL, false);
        };
    }

    /** How long the broker may wait for the commit: a little less than our call timeout. */
    private int commitTimeoutMs() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, callTimeout.toMillis() * 9 / 10));
    }

    private void runCompletion(Runnable completion) {
        try {
            completion.run();
        } catch (RuntimeException | Error e) {
            LOG.error("a stage attached to a record's future of the producer for {} failed", topic, e);
        }
    }
}
