package io.tributary.client.internal;

import io.tributary.client.ClusterMetadata;
import io.tributary.api.Record;
import io.tributary.api.TopicNotFoundException;
import io.tributary.client.NodeAddress;
import io.tributary.client.TimedOutException;
import io.tributary.format.BatchBuilder;
import io.tributary.format.RecordBatch;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.ProduceResponse;
import io.tributary.protocol.message.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The low-level, unbatched send of {@link io.tributary.client.TributaryClient#send}: partitions the
 * records, builds one batch per partition (more when it would exceed {@value #MAX_BATCH_BYTES} bytes),
 * sends each leader one request with its batches, and follows {@code NOT_LEADER} answers. Batches are
 * not idempotent, so a lost connection is reported, never retried; a batch the node refused as a whole
 * (not written) is.
 *
 * <p>A topic the client does not know gets its first record alone with {@code ANY_PARTITION}, which lets
 * a broker that creates topics on first produce create it; the rest follow once its partitions are known.
 */
final class DirectSend {

    /** Records of one call are cut into batches of about this size. */
    static final int MAX_BATCH_BYTES = 1 << 20;

    private final ClusterRouter router;
    private final RecordPartitioner partitioner;

    DirectSend(ClusterRouter router, RecordPartitioner partitioner) {
        this.router = router;
        this.partitioner = partitioner;
    }

    /** One batch for one partition, and the indices of its records in the caller's list. */
    private record PlannedBatch(int partition, RecordBatch batch, List<Integer> indices) {
    }

    /** One request in flight and the batches it carries, in request order. */
    private record Call(List<PlannedBatch> batches, CompletableFuture<Response> answer) {
    }

    List<Long> send(String topic, List<Record> records, boolean waitForCommit, Deadline deadline) {
        long[] offsets = new long[records.size()];
        int first = 0;
        Optional<ClusterMetadata.Topic> route = router.route(topic, deadline);
        if (route.isEmpty()) {
            offsets[0] = sendFirstRecord(topic, records.getFirst(), waitForCommit, deadline);
            first = 1;
            router.refresh(List.of(topic), deadline);
            route = router.view().topic(topic);
            if (route.isEmpty()) {
                throw new TopicNotFoundException("topic " + topic + " took a record but the metadata does not list it");
            }
        }
        List<Record> rest = records.subList(first, records.size());
        List<PlannedBatch> pending = plan(topic, rest, first, route.get().partitionCount());
        int attempt = 0;
        while (!pending.isEmpty()) {
            pending = sendRound(topic, pending, waitForCommit, deadline, offsets);
            if (!pending.isEmpty()) {
                Backoff.sleep(attempt++, deadline, "send to " + topic);
                router.refresh(List.of(topic), deadline);
            }
        }
        return Arrays.stream(offsets).boxed().toList();
    }

    private long sendFirstRecord(String topic, Record record, boolean waitForCommit, Deadline deadline) {
        RecordBatch batch = BatchBuilder.create().add(record).build();
        ProduceRequest request = new ProduceRequest(waitForCommit, timeoutMs(deadline), List.of(
                new ProduceRequest.TopicData(topic, List.of(new ProduceRequest.PartitionData(
                        ProduceRequest.ANY_PARTITION, batch)))));
        ProduceResponse response = (ProduceResponse) router.callAny(request, deadline, false);
        ProduceResponse.PartitionResult result = response.topics().getFirst().partitions().getFirst();
        if (result.errorCode() != ErrorCode.NONE) {
            throw BrokerErrors.exception(result.errorCode(), result.errorMessage(), "send to " + topic);
        }
        return result.baseOffset();
    }

    private List<PlannedBatch> plan(String topic, List<Record> records, int indexBase, int partitionCount) {
        List<PlannedBatch> planned = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> entry : partitioner.assign(topic, records, partitionCount).entrySet()) {
            BatchBuilder builder = BatchBuilder.create();
            List<Integer> indices = new ArrayList<>();
            for (int index : entry.getValue()) {
                if (builder.recordCount() > 0 && builder.estimatedSizeInBytes() >= MAX_BATCH_BYTES) {
                    planned.add(new PlannedBatch(entry.getKey(), builder.build(), indices));
                    builder = BatchBuilder.create();
                    indices = new ArrayList<>();
                }
                builder.add(records.get(index));
                indices.add(indexBase + index);
            }
            planned.add(new PlannedBatch(entry.getKey(), builder.build(), indices));
        }
        return planned;
    }

    /** Sends every batch to its leader; returns the batches to send again after a metadata refresh. */
    private List<PlannedBatch> sendRound(String topic, List<PlannedBatch> batches, boolean waitForCommit,
            Deadline deadline, long[] offsets) {
        Map<NodeAddress, List<PlannedBatch>> byLeader = new LinkedHashMap<>();
        List<PlannedBatch> again = new ArrayList<>();
        for (PlannedBatch batch : batches) {
            Optional<NodeAddress> leader = router.view().leader(topic, batch.partition());
            if (leader.isPresent()) {
                byLeader.computeIfAbsent(leader.get(), n -> new ArrayList<>()).add(batch);
            } else {
                again.add(batch);
            }
        }
        List<Call> calls = new ArrayList<>();
        for (Map.Entry<NodeAddress, List<PlannedBatch>> entry : byLeader.entrySet()) {
            NodeConnection connection;
            try {
                connection = router.pool().connection(entry.getKey(), deadline);
            } catch (UnreachableNodeException e) {
                again.addAll(entry.getValue()); // nothing was sent
                continue;
            }
            for (List<PlannedBatch> chunk : chunks(entry.getValue())) {
                List<ProduceRequest.PartitionData> data = chunk.stream()
                        .map(b -> new ProduceRequest.PartitionData(b.partition(), b.batch())).toList();
                ProduceRequest request = new ProduceRequest(waitForCommit, timeoutMs(deadline),
                        List.of(new ProduceRequest.TopicData(topic, data)));
                calls.add(new Call(chunk, connection.call(request, deadline.remaining())));
            }
        }
        for (Call call : calls) {
            ProduceResponse response = (ProduceResponse) ClusterRouter.await(call.answer(), deadline);
            List<ProduceResponse.PartitionResult> results = response.topics().getFirst().partitions();
            for (int i = 0; i < call.batches().size(); i++) {
                PlannedBatch batch = call.batches().get(i);
                ProduceResponse.PartitionResult result = results.get(i);
                if (result.errorCode() == ErrorCode.NONE) {
                    for (int j = 0; j < batch.indices().size(); j++) {
                        offsets[batch.indices().get(j)] = result.baseOffset() + j;
                    }
                } else if (result.errorCode() == ErrorCode.NOT_LEADER || result.errorCode() == ErrorCode.CORRUPT_MESSAGE) {
                    again.add(batch); // refused as a whole: not written
                } else {
                    throw BrokerErrors.exception(result.errorCode(), result.errorMessage(),
                            "send to " + topic + "-" + batch.partition());
                }
            }
        }
        if (!again.isEmpty() && deadline.expired()) {
            throw new TimedOutException("send to " + topic + ": " + again.size() + " batches found no leader within the"
                    + " call timeout (tributary.client.call-timeout)");
        }
        return again;
    }

    /** Cuts a leader's batches into requests that stay well inside the frame limit. */
    private static List<List<PlannedBatch>> chunks(List<PlannedBatch> batches) {
        List<List<PlannedBatch>> chunks = new ArrayList<>();
        List<PlannedBatch> current = new ArrayList<>();
        long bytes = 0;
        for (PlannedBatch batch : batches) {
            if (!current.isEmpty() && bytes + batch.batch().sizeInBytes() > 4L * MAX_BATCH_BYTES) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(batch);
            bytes += batch.batch().sizeInBytes();
        }
        chunks.add(current);
        return chunks;
    }

    /** The broker's wait for commit: a little less than ours, so its TIMED_OUT arrives before our timeout. */
    static int timeoutMs(Deadline deadline) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, deadline.remaining().toMillis() * 9 / 10));
    }
}
