package io.tributary.broker.net;

import io.tributary.api.TopicName;
import io.tributary.broker.partition.Partition;
import io.tributary.broker.partition.PartitionState;
import io.tributary.broker.service.BrokerService;
import io.tributary.broker.service.Failure;
import io.tributary.broker.topic.Topic;
import io.tributary.log.AckLevel;
import io.tributary.log.ReadResult;
import io.tributary.protocol.message.AlterTopicRequest;
import io.tributary.protocol.message.AlterTopicResponse;
import io.tributary.protocol.message.CommitOffsetsRequest;
import io.tributary.protocol.message.CreateTopicRequest;
import io.tributary.protocol.message.CreateTopicResponse;
import io.tributary.protocol.message.DeleteTopicRequest;
import io.tributary.protocol.message.DeleteTopicResponse;
import io.tributary.protocol.message.DescribeGroupRequest;
import io.tributary.protocol.message.DescribeTopicsRequest;
import io.tributary.protocol.message.DescribeTopicsResponse;
import io.tributary.protocol.message.DescribeTopicsResponse.PartitionDescription;
import io.tributary.protocol.message.DescribeTopicsResponse.TopicDescription;
import io.tributary.protocol.message.EndOffsetRequest;
import io.tributary.protocol.message.EndOffsetResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchOffsetsRequest;
import io.tributary.protocol.message.FetchRequest;
import io.tributary.protocol.message.FetchResponse;
import io.tributary.protocol.message.GroupHeartbeatRequest;
import io.tributary.protocol.message.LeaveGroupRequest;
import io.tributary.protocol.message.ListGroupsRequest;
import io.tributary.protocol.message.MetadataRequest;
import io.tributary.protocol.message.MetadataResponse;
import io.tributary.protocol.message.MetadataResponse.PartitionMetadata;
import io.tributary.protocol.message.MetadataResponse.TopicMetadata;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.ProduceResponse;
import io.tributary.protocol.message.ProduceResponse.PartitionResult;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.ResetOffsetsRequest;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.wire.MemoryRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers each request of the binary protocol by calling the {@link BrokerService}. Handling starts on
 * the connection's reader thread, in arrival order (so pipelined appends get offsets in request order),
 * and must not block it; the returned future completes when the answer is ready (after the commit, after
 * a long poll). The consumer-group apis go to {@link GroupRequests}, which runs the calls that wait for
 * durability on a virtual thread of their own.
 */
final class RequestHandler {

    /** Longest a fetch may wait, whatever it asks. */
    static final Duration MAX_FETCH_WAIT = Duration.ofSeconds(30);
    /** This broker's node id: one node until replication arrives. */
    static final int NODE_ID = 0;

    private final BrokerService service;
    private final MetadataResponse.Node self;
    private final GroupRequests groups;

    RequestHandler(BrokerService service, MetadataResponse.Node self) {
        this.service = service;
        this.self = self;
        this.groups = new GroupRequests(service.groups(),
                command -> Thread.ofVirtual().name("tributary-group-call").start(command));
    }

    CompletableFuture<? extends Response> handle(Request request) {
        return switch (request) {
            case ProduceRequest produce -> produce(produce);
            case FetchRequest fetch -> fetch(fetch);
            case MetadataRequest metadata -> CompletableFuture.completedFuture(metadata(metadata));
            case CreateTopicRequest create -> answer(() -> service.createTopic(create.name(), create.partitions(),
                    create.configs()), CreateTopicResponse.OK, failure -> new CreateTopicResponse(failure.code(), failure.message()));
            case AlterTopicRequest alter -> answer(() -> service.alterTopic(alter.name(), alter.configs()),
                    AlterTopicResponse.OK, failure -> new AlterTopicResponse(failure.code(), failure.message()));
            case DeleteTopicRequest delete -> answer(() -> {
                service.deleteTopic(delete.name());
                return null;
            }, DeleteTopicResponse.OK, failure -> new DeleteTopicResponse(failure.code(), failure.message()));
            case DescribeTopicsRequest describe -> CompletableFuture.completedFuture(describe(describe));
            case EndOffsetRequest endOffset -> CompletableFuture.completedFuture(endOffset(endOffset));
            case GroupHeartbeatRequest heartbeat -> groups.heartbeat(heartbeat);
            case LeaveGroupRequest leave -> groups.leave(leave);
            case CommitOffsetsRequest commit -> groups.commit(commit);
            case FetchOffsetsRequest fetchOffsets -> groups.fetchOffsets(fetchOffsets);
            case ListGroupsRequest list -> groups.list();
            case DescribeGroupRequest describeGroup -> groups.describe(describeGroup);
            case ResetOffsetsRequest reset -> groups.resetOffsets(reset);
        };
    }

    private CompletableFuture<ProduceResponse> produce(ProduceRequest request) {
        AckLevel ackLevel = request.waitForCommit() ? AckLevel.COMMITTED : AckLevel.WRITTEN;
        Duration timeout = Duration.ofMillis(Math.max(1, request.timeoutMs()));
        List<CompletableFuture<ProduceResponse.TopicResult>> topics = new ArrayList<>();
        for (ProduceRequest.TopicData topic : request.topics()) {
            List<CompletableFuture<PartitionResult>> results = new ArrayList<>();
            for (ProduceRequest.PartitionData data : topic.partitions()) {
                results.add(service.append(topic.topic(), data.partition(), data.batch(), ackLevel, timeout)
                        .handle((appended, error) -> {
                            if (error != null) {
                                Failure failure = Failure.of(error);
                                return PartitionResult.failed(data.partition(), failure.code(), failure.message());
                            }
                            return PartitionResult.appended(appended.partition(), appended.result().baseOffset(),
                                    appended.result().lastOffset(), appended.logStartOffset());
                        }));
            }
            topics.add(allOf(results).thenApply(done -> new ProduceResponse.TopicResult(topic.topic(), done)));
        }
        return allOf(topics).thenApply(ProduceResponse::new);
    }

    /**
     * Reads every partition at once; if none has records and the request may wait, waits until one of
     * them gets some (or the deadline passes) and reads again.
     */
    private CompletableFuture<FetchResponse> fetch(FetchRequest request) {
        FetchResponse now = fetchNow(request);
        Duration maxWait = Duration.ofMillis(Math.clamp(request.maxWaitMs(), 0, MAX_FETCH_WAIT.toMillis()));
        if (maxWait.isZero() || hasRecordsOrErrors(now)) {
            return CompletableFuture.completedFuture(now);
        }
        List<CompletableFuture<ReadResult>> waits = new ArrayList<>();
        for (FetchRequest.TopicData topic : request.topics()) {
            for (FetchRequest.PartitionData partition : topic.partitions()) {
                waits.add(service.read(topic.topic(), partition.partition(), partition.fetchOffset(), 1, maxWait));
            }
        }
        return CompletableFuture.anyOf(waits.toArray(CompletableFuture[]::new))
                .handle((first, error) -> withRefusedWaits(fetchNow(request), waits));
    }

    /**
     * {@code response} with the error of every wait that failed (e.g. TOO_MANY_WAITING_READS when the
     * partition has {@code tributary.log.max-read-waiters} long polls already) on its partition, unless
     * that partition has records or an error of its own by now. Without this, a refused wait would look
     * like an empty answer and the client would poll again at once.
     *
     * @param waits one per partition, in the order of the response's partitions
     */
    private static FetchResponse withRefusedWaits(FetchResponse response, List<CompletableFuture<ReadResult>> waits) {
        List<FetchResponse.TopicData> topics = new ArrayList<>();
        int index = 0;
        for (FetchResponse.TopicData topic : response.topics()) {
            List<FetchResponse.PartitionData> partitions = new ArrayList<>();
            for (FetchResponse.PartitionData data : topic.partitions()) {
                CompletableFuture<ReadResult> wait = waits.get(index++);
                if (wait.isCompletedExceptionally() && data.errorCode() == ErrorCode.NONE
                        && data.records().sizeInBytes() == 0) {
                    data = new FetchResponse.PartitionData(data.partition(), Failure.of(wait.exceptionNow()).code(),
                            data.logStartOffset(), data.committedEndOffset(), data.nextOffset(), MemoryRecords.EMPTY);
                }
                partitions.add(data);
            }
            topics.add(new FetchResponse.TopicData(topic.topic(), partitions));
        }
        return new FetchResponse(topics);
    }

    private FetchResponse fetchNow(FetchRequest request) {
        long budget = Math.max(1, request.maxBytes());
        List<FetchResponse.TopicData> topics = new ArrayList<>();
        for (FetchRequest.TopicData topic : request.topics()) {
            List<FetchResponse.PartitionData> partitions = new ArrayList<>();
            for (FetchRequest.PartitionData wanted : topic.partitions()) {
                FetchResponse.PartitionData read = readNow(topic.topic(), wanted, (int) Math.min(budget,
                        Math.max(1, wanted.partitionMaxBytes())));
                if (budget <= 0) {
                    read = new FetchResponse.PartitionData(wanted.partition(), read.errorCode(), read.logStartOffset(),
                            read.committedEndOffset(), wanted.fetchOffset(), MemoryRecords.EMPTY);
                }
                budget -= read.records().sizeInBytes();
                partitions.add(read);
            }
            topics.add(new FetchResponse.TopicData(topic.topic(), partitions));
        }
        return new FetchResponse(topics);
    }

    private FetchResponse.PartitionData readNow(String topic, FetchRequest.PartitionData wanted, int maxBytes) {
        int number = wanted.partition();
        try {
            Partition partition = service.partition(topic, number);
            PartitionState state = partition.state();
            ReadResult result = partition.read(wanted.fetchOffset(), maxBytes, Duration.ZERO).join();
            return switch (result) {
                case ReadResult.Records records -> new FetchResponse.PartitionData(number, ErrorCode.NONE,
                        state.logStartOffset(), state.committedEndOffset(), records.nextOffset(),
                        new LogSliceRecords(records.slice()));
                case ReadResult.BelowLogStart below -> new FetchResponse.PartitionData(number,
                        ErrorCode.OFFSET_OUT_OF_RANGE, below.logStartOffset(), state.committedEndOffset(),
                        below.logStartOffset(), MemoryRecords.EMPTY);
                case ReadResult.NoRecords none -> new FetchResponse.PartitionData(number, ErrorCode.NONE,
                        state.logStartOffset(), none.committedEndOffset(), wanted.fetchOffset(), MemoryRecords.EMPTY);
            };
        } catch (RuntimeException e) {
            return new FetchResponse.PartitionData(number, Failure.of(e).code(), -1, -1, wanted.fetchOffset(),
                    MemoryRecords.EMPTY);
        }
    }

    private static boolean hasRecordsOrErrors(FetchResponse response) {
        return response.topics().stream().flatMap(topic -> topic.partitions().stream())
                .anyMatch(partition -> partition.errorCode() != ErrorCode.NONE || partition.records().sizeInBytes() > 0);
    }

    private MetadataResponse metadata(MetadataRequest request) {
        List<TopicMetadata> topics = new ArrayList<>();
        for (Topic topic : selected(request.topics())) {
            List<PartitionMetadata> partitions = new ArrayList<>();
            for (int number = 0; number < topic.partitions().size(); number++) {
                partitions.add(new PartitionMetadata(number, NODE_ID, ErrorCode.NONE));
            }
            topics.add(new TopicMetadata(topic.name().value(), ErrorCode.NONE, partitions));
        }
        for (String name : request.topics()) {
            if (lookup(name).isEmpty()) {
                topics.add(new TopicMetadata(name, missingTopicError(name), List.of()));
            }
        }
        return new MetadataResponse(service.clusterId(), List.of(self), NODE_ID, topics);
    }

    private DescribeTopicsResponse describe(DescribeTopicsRequest request) {
        List<TopicDescription> topics = new ArrayList<>();
        for (Topic topic : selected(request.names())) {
            List<PartitionDescription> partitions = new ArrayList<>();
            for (Partition partition : topic.partitions()) {
                PartitionState state = partition.state();
                partitions.add(new PartitionDescription(partition.id().partition(), state.logStartOffset(),
                        state.endOffset(), state.committedEndOffset(), state.sizeInBytes()));
            }
            topics.add(new TopicDescription(topic.name().value(), ErrorCode.NONE, topic.config().toMap(), partitions));
        }
        for (String name : request.names()) {
            if (lookup(name).isEmpty()) {
                topics.add(new TopicDescription(name, missingTopicError(name), Map.of(), List.of()));
            }
        }
        return new DescribeTopicsResponse(topics);
    }

    private EndOffsetResponse endOffset(EndOffsetRequest request) {
        try {
            PartitionState state = service.state(request.topic(), request.partition());
            return new EndOffsetResponse(ErrorCode.NONE, state.logStartOffset(), state.committedEndOffset());
        } catch (RuntimeException e) {
            return EndOffsetResponse.failed(Failure.of(e).code());
        }
    }

    /** The named topics that exist, or every topic when no name is given. */
    private List<Topic> selected(List<String> names) {
        if (names.isEmpty()) {
            return service.topics();
        }
        return names.stream().map(this::lookup).flatMap(Optional::stream).toList();
    }

    /** The topic, or empty for a name that does not exist or is not a valid topic name. */
    private Optional<Topic> lookup(String name) {
        return TopicName.isValid(name) ? service.find(name) : Optional.empty();
    }

    /** Why {@code name} has no topic. */
    private static ErrorCode missingTopicError(String name) {
        return TopicName.isValid(name) ? ErrorCode.UNKNOWN_TOPIC : ErrorCode.INVALID_TOPIC_NAME;
    }

    private static <T extends Response> CompletableFuture<T> answer(Supplier<?> action, T ok,
            Function<Failure, T> failed) {
        try {
            action.get();
            return CompletableFuture.completedFuture(ok);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed.apply(Failure.of(e)));
        }
    }

    private static <T> CompletableFuture<List<T>> allOf(List<CompletableFuture<T>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }
}
