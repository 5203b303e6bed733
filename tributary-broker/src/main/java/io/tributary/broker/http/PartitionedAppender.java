package io.tributary.broker.http;

import io.tributary.api.KeyPartitioner;
import io.tributary.api.Record;
import io.tributary.broker.BrokerConfig;
import io.tributary.broker.service.BrokerService;
import io.tributary.broker.service.Failure;
import io.tributary.broker.service.RecordLimitException;
import io.tributary.broker.topic.Topic;
import io.tributary.broker.topic.UnknownPartitionException;
import io.tributary.format.BatchBuilder;
import io.tributary.format.RecordBatch;
import io.tributary.log.AckLevel;
import io.tributary.protocol.message.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the records of one request to a topic: each record goes to the partition it names, else
 * to its key's partition (murmur2, {@link KeyPartitioner}, as the binary protocol and Kafka place
 * keys), else to one partition per request chosen round robin; then one batch per partition, appended
 * in parallel. Thread-safe.
 *
 * <p>Every named partition is checked against the topic here, and every record against the broker's
 * limits by {@link BrokerService} (the one place both transports check them), before anything is
 * appended, so a bad request writes nothing. Batches to different
 * partitions can still fail independently (a timeout, a closing partition); then the answer is the
 * first failure, and its message says which partitions were appended so that the client knows a retry
 * may duplicate those records.
 */
final class PartitionedAppender {

    /** How long an append may wait for its commit before the request answers 504. */
    static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(PartitionedAppender.class);

    private final BrokerService service;
    private final AtomicInteger roundRobin = new AtomicInteger();

    PartitionedAppender(BrokerService service) {
        this.service = service;
    }

    /** A record to append and the partition the client asked for, if it did. */
    record Outgoing(Record record, @Nullable Integer partition) {
    }

    /** Where one record landed; also its JSON in the response ({@code {"partition":0,"offset":12}}). */
    record Placement(int partition, long offset) {
    }

    /**
     * Appends {@code records} to {@code topic}, creating it first if auto-creation is on, and waits for
     * them at {@code ackLevel} (at most {@link #COMMIT_TIMEOUT}).
     *
     * @param field the request's name for the list of records ({@code records}, {@code events}), for messages
     *
     * @return where each record landed, in the order of {@code records}
     */
    List<Placement> append(String topic, List<Outgoing> records, AckLevel ackLevel, String field)
            throws InterruptedException {
        Map<Integer, List<Integer>> groups = group(topic, records);
        Map<Integer, RecordBatch> batches = new TreeMap<>();
        groups.forEach((partition, indexes) -> batches.put(partition, batchOf(partition, indexes, records)));
        Map<Integer, CompletableFuture<BrokerService.Appended>> appends;
        try {
            appends = service.append(topic, batches, ackLevel, COMMIT_TIMEOUT);
        } catch (RecordLimitException e) {
            int index = groups.get(e.partition()).get(e.recordIndex());
            throw new ApiException(ApiException.statusOf(ErrorCode.RECORD_TOO_LARGE), ErrorCode.RECORD_TOO_LARGE,
                    "'" + field + "[" + index + "]' " + e.problem());
        }
        try {
            CompletableFuture.allOf(appends.values().toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw failure(appends);
        }
        Placement[] placements = new Placement[records.size()];
        groups.forEach((partition, indexes) -> {
            long base = appends.get(partition).join().result().baseOffset();
            for (int i = 0; i < indexes.size(); i++) {
                placements[indexes.get(i)] = new Placement(partition, base + i);
            }
        });
        return List.of(placements);
    }

    /** Indexes of {@code records} by partition, in request order within each. */
    private Map<Integer, List<Integer>> group(String topic, List<Outgoing> records) {
        Optional<Topic> existing = service.find(topic);
        // A topic that does not exist yet will be auto-created (or the append fails UNKNOWN_TOPIC) with this many.
        int count = existing.map(t -> t.partitions().size()).orElse(service.config().autoCreatePartitions());
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        int unkeyed = -1;
        for (int i = 0; i < records.size(); i++) {
            Outgoing outgoing = records.get(i);
            int partition;
            if (outgoing.partition() != null) {
                partition = outgoing.partition();
                requirePartition(topic, existing, count, partition);
            } else if (outgoing.record().key() != null) {
                partition = KeyPartitioner.partition(outgoing.record().key(), count);
            } else {
                if (unkeyed < 0) {
                    unkeyed = Math.floorMod(roundRobin.getAndIncrement(), count);
                }
                partition = unkeyed;
            }
            groups.computeIfAbsent(partition, p -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    /** Fails a named partition the topic does not (or, once auto-created, will not) have, before anything is written. */
    private void requirePartition(String topic, Optional<Topic> existing, int count, int partition) {
        if (existing.isPresent()) {
            existing.get().partition(partition);
        } else if (partition >= count && service.config().autoCreateTopics()) {
            throw new UnknownPartitionException("topic " + topic + " does not exist yet and auto-creation gives it "
                    + count + " partition(s) (" + BrokerConfig.AUTO_CREATE_PARTITIONS.name() + "), so there is no partition "
                    + partition + "; create the topic first with more partitions");
        }
    }

    private static RecordBatch batchOf(int partition, List<Integer> indexes, List<Outgoing> records) {
        BatchBuilder builder = BatchBuilder.create();
        try {
            indexes.forEach(index -> builder.add(records.get(index).record()));
        } catch (IllegalStateException e) {
            throw new ApiException(413, ErrorCode.RECORD_TOO_LARGE, "the records for partition " + partition
                    + " exceed the " + (RecordBatch.MAX_UNCOMPRESSED_BYTES >> 20) + " MiB a batch may hold; send fewer "
                    + "records per request");
        }
        return builder.build();
    }

    private static ApiException failure(Map<Integer, CompletableFuture<BrokerService.Appended>> appends) {
        Throwable first = null;
        List<Integer> appended = new ArrayList<>();
        for (Map.Entry<Integer, CompletableFuture<BrokerService.Appended>> append : appends.entrySet()) {
            if (append.getValue().isCompletedExceptionally()) {
                first = first == null ? append.getValue().exceptionNow() : first;
            } else {
                appended.add(append.getKey());
            }
        }
        Failure failure = Failure.of(Objects.requireNonNull(first, "a failed append"));
        if (failure.code() == ErrorCode.UNKNOWN_SERVER_ERROR) {
            LOG.error("an append failed unexpectedly", first);
        }
        String message = appended.isEmpty() ? failure.message() : failure.message() + "; the records for partition(s) "
                + appended + " were appended, so a retry may store them twice";
        return ApiException.from(new Failure(failure.code(), message));
    }
}
