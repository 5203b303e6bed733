package io.tributary.client.internal;

import io.tributary.api.Record;
import io.tributary.api.TopicName;
import io.tributary.api.TributaryException;
import io.tributary.client.ClientOptions;
import io.tributary.client.ClusterMetadata;
import io.tributary.client.ConnectionString;
import io.tributary.client.Producer;
import io.tributary.client.ProducerOptions;
import io.tributary.client.ReadResult;
import io.tributary.client.TopicDescription;
import io.tributary.client.TributaryClient;
import io.tributary.group.GroupCoordinator;
import io.tributary.protocol.message.AlterTopicRequest;
import io.tributary.protocol.message.AlterTopicResponse;
import io.tributary.protocol.message.CreateTopicRequest;
import io.tributary.protocol.message.CreateTopicResponse;
import io.tributary.protocol.message.DeleteTopicRequest;
import io.tributary.protocol.message.DeleteTopicResponse;
import io.tributary.protocol.message.DescribeTopicsRequest;
import io.tributary.protocol.message.DescribeTopicsResponse;
import io.tributary.protocol.message.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The {@link TributaryClient} over the binary protocol. Threads: the callers' (every call blocks its
 * caller), one reader per connection (virtual), and one platform timer thread that expires calls.
 */
public final class NetworkClient implements TributaryClient {

    private final ConnectionString connectionString;
    private final ClientOptions options;
    private final ScheduledExecutorService timer;
    private final ConnectionPool pool;
    private final ClusterRouter router;
    private final RecordPartitioner partitioner = new RecordPartitioner();
    private final DirectSend directSend;
    private final PartitionReader reader;
    private final RemoteGroupCoordinator groups;
    private final Set<BatchingProducer> producers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private NetworkClient(ConnectionString connectionString, ClientOptions options, ScheduledExecutorService timer,
            ConnectionPool pool, ClusterRouter router) {
        this.connectionString = connectionString;
        this.options = options;
        this.timer = timer;
        this.pool = pool;
        this.router = router;
        this.directSend = new DirectSend(router, partitioner);
        this.reader = new PartitionReader(router, options.fetchMaxBytes().toIntExact());
        this.groups = new RemoteGroupCoordinator(router);
    }

    /** Connects, fetches metadata and checks the cluster id; see {@link TributaryClient#connect(ConnectionString, ClientOptions)}. */
    public static NetworkClient connect(ConnectionString connectionString, ClientOptions options) {
        Objects.requireNonNull(connectionString, "connectionString");
        Objects.requireNonNull(options, "options");
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "tributary-client-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        ConnectionPool pool = new ConnectionPool(ConnectionSettings.from(options), timer);
        ClusterRouter router = new ClusterRouter(connectionString, options.shuffleNodes(), pool, options.callTimeout(),
                Ticker.system(), new Random());
        NetworkClient client = new NetworkClient(connectionString, options, timer, pool, router);
        try {
            router.refresh(List.of(), router.newDeadline());
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public String clusterId() {
        return router.view().clusterId();
    }

    @Override
    public ConnectionString connectionString() {
        return connectionString;
    }

    /** Settings this client runs with. */
    public ClientOptions options() {
        return options;
    }

    /** Where requests go; the producer sends through it. */
    ClusterRouter router() {
        return router;
    }

    RecordPartitioner partitioner() {
        return partitioner;
    }

    @Override
    public List<Long> send(String topic, List<Record> records, boolean waitForCommit) {
        requireOpen();
        TopicName.of(topic);
        if (records.isEmpty()) {
            return List.of();
        }
        return directSend.send(topic, records, waitForCommit, router.newDeadline());
    }

    @Override
    public ReadResult read(String topic, int partition, long offset, int maxRecords, Duration wait) {
        requireOpen();
        TopicName.of(topic);
        if (offset < 0) {
            throw new IllegalArgumentException("offsets start at 0, got " + offset);
        }
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be at least 1, got " + maxRecords);
        }
        if (wait.isNegative()) {
            throw new IllegalArgumentException("wait cannot be negative, got " + wait);
        }
        return reader.read(topic, partition, offset, maxRecords, wait, router.newDeadline().plus(wait));
    }

    @Override
    public long endOffset(String topic, int partition) {
        requireOpen();
        TopicName.of(topic);
        return reader.offsets(topic, partition, router.newDeadline()).committedEndOffset();
    }

    @Override
    public void createTopic(String topic, int partitions, Map<String, String> settings) {
        requireOpen();
        TopicName.of(topic);
        CreateTopicResponse response = (CreateTopicResponse) router.callAny(
                new CreateTopicRequest(topic, partitions, settings), router.newDeadline(), false);
        check(response.errorCode(), response.errorMessage(), "create topic " + topic);
    }

    @Override
    public List<String> listTopics() {
        return describe(List.of()).stream().map(TopicDescription::name).sorted().toList();
    }

    @Override
    public List<TopicDescription> describeTopics(String... topics) {
        for (String topic : topics) {
            TopicName.of(topic);
        }
        return describe(List.of(topics));
    }

    @Override
    public void alterTopic(String topic, Map<String, String> settings) {
        requireOpen();
        TopicName.of(topic);
        AlterTopicResponse response = (AlterTopicResponse) router.callAny(new AlterTopicRequest(topic, settings),
                router.newDeadline(), true);
        check(response.errorCode(), response.errorMessage(), "alter topic " + topic);
    }

    @Override
    public void deleteTopic(String topic) {
        requireOpen();
        TopicName.of(topic);
        DeleteTopicResponse response = (DeleteTopicResponse) router.callAny(new DeleteTopicRequest(topic),
                router.newDeadline(), false);
        check(response.errorCode(), response.errorMessage(), "delete topic " + topic);
    }

    @Override
    public ClusterMetadata metadata(String... topics) {
        requireOpen();
        return ClusterView.toMetadata(router.refresh(List.of(topics), router.newDeadline()));
    }

    @Override
    public GroupCoordinator groups() {
        requireOpen();
        return groups;
    }

    @Override
    public Producer producer() {
        return producer(connectionString.topic().orElseThrow(() -> new IllegalStateException("the connection string "
                + connectionString + " names no topic; call producer(topic) or add /topic to the string")));
    }

    @Override
    public Producer producer(String topic) {
        return producer(topic, ProducerOptions.defaults());
    }

    @Override
    public Producer producer(String topic, ProducerOptions producerOptions) {
        requireOpen();
        TopicName.of(topic);
        BatchingProducer producer = BatchingProducer.start(this, topic, producerOptions, producers::remove);
        producers.add(producer);
        return producer;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (BatchingProducer producer : List.copyOf(producers)) {
            producer.close(Duration.ZERO);
        }
        pool.close();
        timer.shutdownNow();
    }

    private List<TopicDescription> describe(List<String> topics) {
        requireOpen();
        DescribeTopicsResponse response = (DescribeTopicsResponse) router.callAny(new DescribeTopicsRequest(topics),
                router.newDeadline(), true);
        List<TopicDescription> descriptions = new ArrayList<>();
        for (DescribeTopicsResponse.TopicDescription topic : response.topics()) {
            check(topic.errorCode(), null, "describe topic " + topic.name());
            descriptions.add(new TopicDescription(topic.name(), topic.configs(), topic.partitions().stream()
                    .map(p -> new TopicDescription.Partition(p.partition(), p.logStartOffset(), p.endOffset(),
                            p.committedEndOffset(), p.sizeBytes()))
                    .toList()));
        }
        return descriptions;
    }

    private static void check(ErrorCode code, @Nullable String message, String context) {
        if (code != ErrorCode.NONE) {
            throw BrokerErrors.exception(code, message, context);
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new TributaryException("the client for " + connectionString + " is closed");
        }
    }
}
